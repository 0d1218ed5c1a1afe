import { Hono } from 'hono';
import type { TenantRegistry } from '../../tenants/tenant-registry.js';
import type { ApiEnv } from '../env.js';
import { respondJson } from '../respond.js';
import { compileBody, readControlBody } from './control-kit.js';

const seedBody = compileBody({ type: 'object', additionalProperties: false, required: ['seed'], properties: { seed: { type: 'integer', minimum: 0, maximum: 4294967295 } } });
const resetBody = compileBody({ type: 'object', additionalProperties: false, properties: {} });

/** Start a tenant over: from the fixtures as configured (reset) or with another seed (seed). */
export function createTenantRoutes(tenants: TenantRegistry): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();
  const summary = (name: string) => {
    const t = tenants.get(name)!;
    return { tenant: t.name, tasks: t.world.store.count(), now: new Date(t.clock.now()).toISOString(), default_scenario: t.engine.defaultScenario() };
  };
  routes.post('/reset', async (c) => {
    const read = await readControlBody(c, resetBody);
    if (!read.ok) return read.response;
    tenants.reset(c.get('tenant').name);
    return respondJson(c, 200, summary(c.get('tenant').name));
  });
  routes.post('/seed', async (c) => {
    const read = await readControlBody<{ seed: number }>(c, seedBody);
    if (!read.ok) return read.response;
    tenants.reset(c.get('tenant').name, { seed: read.body.seed });
    return respondJson(c, 200, summary(c.get('tenant').name));
  });
  routes.get('/tenants', (c) => respondJson(c, 200, { tenants: tenants.names() }));
  return routes;
}
