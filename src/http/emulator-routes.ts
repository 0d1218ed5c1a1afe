import { Hono } from 'hono';
import type { ApiEnv } from './env.js';
import { respondJson } from './respond.js';

/** The emulator's own endpoints, under the reserved /_emulator prefix (openapi/emulator.yaml). */
export function createEmulatorRoutes(): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();
  routes.get('/_emulator/health', (c) =>
    respondJson(c, 200, { status: 'ok', tenant: c.get('tenant').name, tasks: c.get('world').store.count() }),
  );
  return routes;
}
