import type { MiddlewareHandler } from 'hono';
import type { ApiEnv } from './env.js';

/**
 * Journals every request to GitHub's API (not the control API) in the tenant it addressed. A
 * request whose connection was cut by a fault is journaled too, with status 0.
 */
export function recordJournal(realTime: () => number): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const started = realTime();
    let failed = false;
    try {
      await next();
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      const tenant = c.get('tenant');
      const url = new URL(c.req.url);
      const prefix = `/t/${tenant.name}/`;
      const path = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length - 1) : url.pathname;
      if (!path.startsWith('/_emulator/')) {
        const fault = c.get('fault');
        tenant.journal.record({
          at: new Date(tenant.clock.now()).toISOString(),
          method: c.req.method,
          path,
          query: url.search,
          status: failed ? 0 : c.res.status,
          durationMs: realTime() - started,
          requestId: c.res.headers.get('x-github-request-id') ?? '',
          ...(fault ? { fault } : {}),
        });
      }
    }
  };
}
