import type { Context } from 'hono';
import type { ApiEnv } from './env.js';

/**
 * Journals a finished request to GitHub's API (not the control API) in the tenant it addressed.
 * A request whose connection was cut by a fault is journaled too, with status 0.
 */
export function recordJournal(c: Context<ApiEnv>, durationMs: number, cut: boolean): void {
  const tenant = c.get('tenant');
  const prefix = `/t/${tenant.name}/`;
  const full = c.req.path;
  const path = full.startsWith(prefix) ? full.slice(prefix.length - 1) : full;
  if (path.startsWith('/_emulator/')) return;
  const fault = c.get('fault');
  const url = c.req.url;
  const q = url.indexOf('?');
  tenant.journal.record({
    atMs: tenant.clock.now(),
    method: c.req.method,
    path,
    query: q === -1 ? '' : url.slice(q),
    status: cut ? 0 : c.res.status,
    durationMs,
    requestId: c.get('requestId') ?? '',
    ...(fault ? { fault } : {}),
  });
}
