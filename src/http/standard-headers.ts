import type { MiddlewareHandler } from 'hono';
import type { IdSource } from '../support/ids.js';
import type { ApiEnv } from './env.js';

/** Headers api.github.com puts on every answer, gathered for http/answer-headers.ts. */
export function standardHeaders(ids: IdSource): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const requestId = ids.requestId();
    const headers: Record<string, string> = { 'x-github-request-id': requestId, 'x-github-media-type': 'github.v3; format=json' };
    c.set('requestId', requestId);
    c.set('answerHeaders', headers);
    await next();
    if (!c.get('answerHeadersApplied')) for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  };
}
