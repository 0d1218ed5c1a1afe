import { Hono, type MiddlewareHandler } from 'hono';
import type { TenantRegistry } from '../../tenants/tenant-registry.js';
import type { ApiEnv } from '../shared/env.js';
import { respondJson } from '../shared/respond.js';
import { createClockRoutes } from './clock-routes.js';
import { controlDocsUrl, controlError } from './control-kit.js';
import { CONTROL_TOKEN_REQUIRED, hasControlToken } from '../shared/control-token.js';
import { createJournalRoutes } from './journal-routes.js';
import { createHistoryRoutes } from './history-routes.js';
import { createDashboardRoutes } from '../dashboard/dashboard-routes.js';
import { createScenarioRoutes } from './scenario-routes.js';
import { createTaskControlRoutes } from './task-routes.js';
import { createTenantRoutes } from './tenant-routes.js';

export { CONTROL_TOKEN_HEADER } from '../shared/control-token.js';

export interface ControlRouteOptions {
  tenants: TenantRegistry;
  webBaseUrl: string;
  /** When set, every control endpoint but health and the description requires it. */
  controlToken?: string;
  /** The control API's own OpenAPI description (openapi/emulator.yaml), served as is. */
  description: string;
  /** Extra routers mounted under /_emulator (faults, rate limits). */
  extra?: Array<Hono<ApiEnv>>;
}

/** Everything under /_emulator: the emulator's own API, described in openapi/emulator.yaml. */
export function createControlRoutes(options: ControlRouteOptions): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();
  // Every error of the control API points at its own description.
  routes.use('*', async (c, next) => {
    c.set('docsUrl', controlDocsUrl(c));
    await next();
  });
  routes.get('/health', (c) => respondJson(c, 200, { status: 'ok', tenant: c.get('tenant').name, tasks: c.get('world').store.count() }));
  routes.get('/openapi.yaml', (c) => c.body(options.description, 200, { 'content-type': 'application/yaml; charset=utf-8' }));
  // Before the token check: the dashboard asks for the token itself (a page, not a 401 body).
  routes.route('/', createDashboardRoutes({ tenants: options.tenants, controlToken: options.controlToken }));
  if (options.controlToken !== undefined) routes.use('*', requireControlToken(options.controlToken));
  routes.route('/', createClockRoutes());
  routes.route('/', createScenarioRoutes());
  routes.route('/', createHistoryRoutes());
  routes.route('/', createTaskControlRoutes(options.webBaseUrl));
  routes.route('/', createJournalRoutes());
  routes.route('/', createTenantRoutes(options.tenants));
  for (const extra of options.extra ?? []) routes.route('/', extra);
  return routes;
}

function requireControlToken(expected: string): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    if (!hasControlToken(c, expected)) return controlError(c, 401, CONTROL_TOKEN_REQUIRED);
    await next();
  };
}
