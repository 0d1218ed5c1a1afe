import { Hono } from 'hono';
import type { TenantRegistry } from '../../tenants/tenant-registry.js';
import type { ApiEnv } from '../env.js';
import { respondJson } from '../respond.js';
import { createTenantSnapshotCheck } from '../../persistence/task-record-schema.js';
import type { TenantSnapshot } from '../../persistence/state-records.js';
import { snapshotTenant } from '../../tenants/tenant.js';
import { parseJsonObject } from '../json-body.js';
import { MESSAGES } from '../messages.js';
import { controlError, readControlBody, readControlText, SNAPSHOT_BODY_LIMIT } from './control-kit.js';
import { validateTenantResetBody as resetBody, validateTenantSeedBody as seedBody } from '../../generated/validators.js';

/** Start a tenant over: from the fixtures as configured (reset) or with another seed (seed). */
export function createTenantRoutes(tenants: TenantRegistry): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();
  const checkSnapshot = createTenantSnapshotCheck();
  const summary = (name: string) => {
    const t = tenants.find(name)!;
    return { status: 'reset', tenant: t.name, tasks: t.world.store.count(), now: new Date(t.clock.now()).toISOString(), default_scenario: t.engine.defaultScenario() };
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

  routes.get('/snapshot', (c) => {
    const tenant = c.get('tenant');
    tenant.engine.settle();
    return respondJson(c, 200, snapshotTenant(tenant));
  });
  routes.put('/snapshot', async (c) => {
    const text = await readControlText(c, SNAPSHOT_BODY_LIMIT);
    if (typeof text !== 'string') return text;
    const parsed = parseJsonObject(text);
    if (!parsed.ok) return controlError(c, 400, parsed.message);
    const problem = checkSnapshot(parsed.value);
    if (problem) return controlError(c, 422, MESSAGES.validationFailed, [{ field: 'snapshot', code: 'invalid', message: problem }]);
    const snapshot = parsed.value as unknown as TenantSnapshot;
    const unknown = [snapshot.defaultScenario, ...snapshot.outcomes, ...snapshot.tasks.flatMap((t) => (t.progress ? [t.progress.scenario] : []))].filter(
      (name) => !c.get('tenant').engine.catalogue.has(name),
    );
    if (unknown.length > 0) {
      return controlError(c, 422, MESSAGES.validationFailed, [{ field: 'snapshot', code: 'invalid', message: `unknown scenario ${[...new Set(unknown)].join(', ')}` }]);
    }
    const ids = new Set(snapshot.tasks.map((t) => t.id));
    if (ids.size !== snapshot.tasks.length) return controlError(c, 422, MESSAGES.validationFailed, [{ field: 'snapshot', code: 'invalid', message: 'task ids repeat' }]);
    tenants.reset(c.get('tenant').name, { restore: { ...snapshot, name: c.get('tenant').name } });
    return respondJson(c, 200, summary(c.get('tenant').name));
  });
  return routes;
}
