import { Hono } from 'hono';
import type { ApiEnv } from '../shared/env.js';
import { MESSAGES } from '../shared/messages.js';
import { respondJson } from '../shared/respond.js';
import { controlError } from './control-kit.js';

/** The tenant's request journal: what clients asked and what they were answered. */
export function createJournalRoutes(): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();
  routes.get('/journal', (c) => {
    const rawStatus = c.req.query('status');
    if (rawStatus !== undefined && !/^[1-5]\d\d$/.test(rawStatus)) {
      return controlError(c, 422, MESSAGES.validationFailed, [{ field: 'status', code: 'invalid', message: 'status must be an HTTP status code' }]);
    }
    const { journal } = c.get('tenant');
    const entries = journal.list({
      method: c.req.query('method'),
      path: c.req.query('path'),
      status: rawStatus === undefined ? undefined : Number(rawStatus),
      user: c.req.query('user'),
      body: c.req.query('body'),
    });
    return respondJson(c, 200, { capacity: journal.capacity, entries });
  });
  routes.delete('/journal', (c) => {
    c.get('tenant').journal.clear();
    return c.body(null, 204);
  });
  return routes;
}
