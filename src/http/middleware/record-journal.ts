import type { Context, MiddlewareHandler } from 'hono';
import type { ApiEnv } from '../shared/env.js';
import { requestHeadersOf } from '../shared/capture-exchange.js';

/**
 * Journals a finished request to GitHub's API (not the control API) in the tenant it addressed.
 * A request whose connection was cut by a fault is journaled too, with status 0.
 */
export function recordJournal(c: Context<ApiEnv>, durationMs: number, cut: boolean): void {
  const tenant = c.get('tenant');
  const path = c.req.path;
  // A path that is a /t/{name} prefix alone names no GitHub path: it is journaled as asked.
  const { prefix } = c.get('tenantPath');
  const pathFrom = path.length > prefix.length ? prefix.length : 0;
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
    tenant: tenant.name,
    user: caller?.user.login,
    requestHeaders: requestHeadersOf(c),
    requestBody: c.get('requestText') ?? null,
    // An answer made without http/shared/answer-headers.ts (a bare 204) shows its own headers.
    responseHeaders: answered?.headers ?? (cut ? {} : Object.fromEntries(c.res.headers)),
    responseBody: cut ? null : (answered?.body ?? null),
  });
}

/**
 * Journals each request once it is answered, with how long it took in real time; a request whose
 * connection a fault cut (the error goes on up) is journaled with status 0.
 */
export function journalRequests(realTime: () => number): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const started = realTime();
    try {
      await next();
    } catch (error) {
      recordJournal(c, realTime() - started, true);
      throw error;
    }
    recordJournal(c, realTime() - started, false);
  };
}
