import type { Context } from 'hono';
import type { ApiEnv } from '../shared/env.js';

/**
 * Journals a finished request to GitHub's API (not the control API) in the tenant it addressed.
 * A request whose connection was cut by a fault is journaled too, with status 0.
 */
export function recordJournal(c: Context<ApiEnv>, durationMs: number, cut: boolean): void {
  const tenant = c.get('tenant');
  const path = c.req.path;
  // Past a /t/{name} prefix, found without building the prefix: this runs for every request.
  const name = tenant.name;
  const prefixed = path.startsWith('/t/') && path.startsWith(name, 3) && path.charCodeAt(3 + name.length) === SLASH;
  const pathFrom = prefixed ? 3 + name.length : 0;
  if (path.startsWith('/_emulator/', pathFrom)) return;
  const fault = c.get('fault');
  tenant.journal.record({
    atMs: tenant.clock.now(),
    method: c.req.method,
    path,
    pathFrom,
    url: c.req.url,
    status: cut ? 0 : c.res.status,
    durationMs,
    requestId: c.get('requestId') ?? '',
    fault,
  });
}

const SLASH = '/'.charCodeAt(0);
