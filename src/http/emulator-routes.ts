import { Hono } from 'hono';
import type { TenantRegistry } from '../tenants/tenant-registry.js';
import type { ApiEnv } from './env.js';
import { respondJson } from './respond.js';

export interface EmulatorRouteOptions {
  tenants: TenantRegistry;
}

/**
 * The emulator's own endpoints, under the reserved /_emulator prefix (openapi/emulator.yaml).
 * Mounted at the root and under /t/{tenant}, so each acts on the tenant in the URL.
 */
export function createEmulatorRoutes(options: EmulatorRouteOptions): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();
  routes.get('/_emulator/health', (c) =>
    respondJson(c, 200, { status: 'ok', tenant: c.get('tenant').name, tasks: c.get('world').store.count() }),
  );
  // Back to the initial world: fixtures, generated tasks, clock and rate limits, as at start-up.
  routes.post('/_emulator/reset', (c) => {
    const tenant = options.tenants.reset(c.get('tenant').name)!;
    return respondJson(c, 200, { status: 'reset', tenant: tenant.name, tasks: tenant.world.store.count() });
  });
  return routes;
}
