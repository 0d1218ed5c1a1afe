import type { MiddlewareHandler } from 'hono';
import type { IdSource } from '../support/ids.js';

/** Headers api.github.com puts on every answer. */
export function standardHeaders(ids: IdSource): MiddlewareHandler {
  return async (c, next) => {
    c.header('x-github-request-id', ids.requestId());
    c.header('x-github-media-type', 'github.v3; format=json');
    await next();
  };
}
