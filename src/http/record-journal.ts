import type { MiddlewareHandler } from 'hono';
import type { ApiEnv } from './env.js';

/** Journals every request to GitHub's API (not the control API) in the tenant it addressed. */
export function recordJournal(realTime: () => number): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const started = realTime();
    await next();
    const tenant = c.get('tenant');
    if (!tenant) return;
    const url = new URL(c.req.url);
    const prefix = `/t/${tenant.name}/`;
    const path = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length - 1) : url.pathname;
    if (path.startsWith('/_emulator/')) return;
    const fault = (c.var as { fault?: { ruleId: string; kind: string } }).fault;
    tenant.journal.record({
      at: new Date(tenant.clock.now()).toISOString(),
      method: c.req.method,
      path,
      query: url.search,
      status: c.res.status,
      durationMs: realTime() - started,
      requestId: c.res.headers.get('x-github-request-id') ?? '',
      ...(fault ? { fault } : {}),
    });
  };
}
