import { Hono } from 'hono';
import { durationFrom } from '../../engine/duration.js';
import type { ApiEnv } from '../shared/env.js';
import { parseIsoTimestamp } from '../../support/iso-timestamp.js';
import { MESSAGES } from '../shared/messages.js';
import { isoSeconds } from '../agent-tasks/present-task.js';
import { respondJson } from '../shared/respond.js';
import { controlError, readControlBody } from './control-kit.js';
import { validateClockAdvanceBody as advanceBody, validateClockSetBody as setBody } from '../../generated/validators.js';

/** GET/advance/set of the tenant clock. Time only moves forward, so what happened stays in order. */
export function createClockRoutes(): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();
  const describe = (c: { get: (k: 'tenant') => ApiEnv['Variables']['tenant'] }) => {
    const { clock, engine } = c.get('tenant');
    engine.settle();
    const now = clock.now();
    return { now: new Date(now).toISOString(), now_seconds: isoSeconds(now), epoch_ms: now, mode: clock.mode, scale: clock.scale };
  };

  routes.get('/clock', (c) => respondJson(c, 200, describe(c)));

  routes.post('/clock/advance', async (c) => {
    const read = await readControlBody<{ by?: string; ms?: number }>(c, advanceBody);
    if (!read.ok) return read.response;
    const ms = read.body.ms ?? durationFrom(read.body.by);
    if (ms === undefined) {
      return controlError(c, 422, MESSAGES.validationFailed, [{ field: 'by', code: 'invalid', message: 'by must be a duration such as 250ms, 30s, 5m or 1h30m' }]);
    }
    c.get('tenant').clock.advance(ms);
    return respondJson(c, 200, describe(c));
  });

  routes.post('/clock/set', async (c) => {
    const read = await readControlBody<{ now: string }>(c, setBody);
    if (!read.ok) return read.response;
    const at = parseIsoTimestamp(read.body.now);
    if (at === undefined) return controlError(c, 422, MESSAGES.validationFailed, [{ field: 'now', code: 'invalid', message: 'now must be an ISO 8601 timestamp' }]);
    const { clock } = c.get('tenant');
    if (at < clock.now()) {
      return controlError(c, 409, `The clock only moves forward: ${read.body.now} is before ${new Date(clock.now()).toISOString()} (reset the tenant to start over)`);
    }
    clock.set(at);
    return respondJson(c, 200, describe(c));
  });
  return routes;
}
