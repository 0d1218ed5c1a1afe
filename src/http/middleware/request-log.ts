import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../../support/logger.js';

/**
 * One JSON line per request: method, path, status, duration and GitHub request id (the header a
 * user sees, so a log line can be matched to a response). Query strings are logged only at debug:
 * they hold filters, not secrets, but they make lines long. Mounted only when info is enabled.
 */
export function requestLog(logger: Logger, now: () => number): MiddlewareHandler {
  const debug = logger.enabled('debug');
  return async (c, next) => {
    const started = now();
    await next();
    logger.info('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: now() - started,
      request_id: (c.get('requestId') as string | undefined) ?? undefined,
      tenant: (c.get('tenant') as { name: string } | undefined)?.name,
      user: (c.get('caller') as { user: { login: string } } | undefined)?.user.login,
      ...(debug ? { query: new URL(c.req.url).search || undefined, user_agent: c.req.header('user-agent') } : {}),
    });
  };
}
