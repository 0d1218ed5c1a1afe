import type { Context } from 'hono';
import type { ApiEnv } from './env.js';
import { requestHeadersOf } from './capture-exchange.js';

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
  const caller = c.get('caller');
  const answered = c.get('answered');
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
    tenant: name,
    user: caller?.user.login,
    requestHeaders: requestHeadersOf(c),
    requestBody: c.get('requestText') ?? null,
    // An answer made without http/answer-headers.ts (a bare 204) shows its own headers.
    responseHeaders: answered?.headers ?? (cut ? {} : Object.fromEntries(c.res.headers)),
    responseBody: cut ? null : (answered?.body ?? null),
  });
}

const SLASH = '/'.charCodeAt(0);
