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
      const prefix = `/t/${tenant.name}/`;
      const full = c.req.path;
      const path = full.startsWith(prefix) ? full.slice(prefix.length - 1) : full;
      if (!path.startsWith('/_emulator/')) {
        const fault = c.get('fault');
        const url = c.req.url;
        const q = url.indexOf('?');
        tenant.journal.record({
          atMs: tenant.clock.now(),
          method: c.req.method,
          path,
          query: q === -1 ? '' : url.slice(q),
          status: failed ? 0 : c.res.status,
          durationMs: realTime() - started,
          requestId: c.get('requestId') ?? '',
          ...(fault ? { fault } : {}),
        });
      }
    }
  };
}
