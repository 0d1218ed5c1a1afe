import { Hono, type Context } from 'hono';
import { createFaultRuleCheck } from '../../faults/check-fault-rule.js';
import type { ApiEnv } from '../shared/env.js';
import { MESSAGES } from '../shared/messages.js';
import { readJsonObject, respondInvalid } from '../shared/read-json-body.js';
import { respondError, respondJson } from '../shared/respond.js';

/** Mounted under /_emulator. */
const BASE = '/faults';

/**
 * /_emulator/faults: the tenant's fault rules (docs/faults.md). Mounted with the API, so
 * /t/{tenant}/_emulator/faults manages that tenant's rules. A rejected request changes nothing.
 */
export function createControlFaultsRoutes(): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();
  const checkFaultRule = createFaultRuleCheck();
  const notFound = (c: Context<ApiEnv>) => respondError(c, 404, MESSAGES.notFound);

  routes.get(BASE, (c) => respondJson(c, 200, { faults: c.get('tenant').faults.list() }));

  routes.post(BASE, async (c) => {
    const body = await readJsonObject(c);
    if (body instanceof Response) return body;
    const checked = checkFaultRule(body);
    if (!checked.ok) return respondInvalid(c, 'FaultRule', checked.problems.map((p) => ({ pointer: p.field, message: p.message })));
    const tenant = c.get('tenant');
    const wanted = checked.rule.match?.tenant;
    if (wanted !== undefined && wanted !== tenant.name) {
      return respondInvalid(c, 'FaultRule', [
        { pointer: '/match/tenant', message: `is "${wanted}" but this is tenant "${tenant.name}"; add it under /t/${wanted}/_emulator/faults` },
      ]);
    }
    const rule = tenant.faults.add(checked.rule);
    if (!rule) return respondInvalid(c, 'FaultRule', [{ pointer: '/id', message: `"${checked.rule.id}" is taken`, code: 'already_exists' }]);
    return respondJson(c, 201, rule, { location: `${c.get('apiBase')}/_emulator${BASE}/${encodeURIComponent(rule.id)}` });
  });

  routes.get(`${BASE}/:id`, (c) => {
    const rule = c.get('tenant').faults.get(c.req.param('id'));
    return rule ? respondJson(c, 200, rule) : notFound(c);
  });

  routes.delete(`${BASE}/:id`, (c) => (c.get('tenant').faults.remove(c.req.param('id')) ? c.body(null, 204) : notFound(c)));

  routes.delete(BASE, (c) => {
    c.get('tenant').faults.clear();
    return c.body(null, 204);
  });

  return routes;
}
