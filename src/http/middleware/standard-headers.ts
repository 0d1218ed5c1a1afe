import type { Context, MiddlewareHandler } from 'hono';
import type { IdSource } from '../../support/ids.js';
import type { ApiEnv } from '../shared/env.js';

/** Headers api.github.com puts on every answer, gathered for http/shared/answer-headers.ts. */
export function startAnswer(c: Context<ApiEnv>, ids: IdSource): void {
  const requestId = ids.requestId();
  c.set('requestId', requestId);
  c.set('answerHeaders', { 'x-github-request-id': requestId, 'x-github-media-type': 'github.v3; format=json' });
}

/** An answer made without the gathered headers (a bare 204, say) gets them now. */
export function finishAnswer(c: Context<ApiEnv>): void {
  if (c.get('answerHeadersApplied')) return;
  for (const [name, value] of Object.entries(c.get('answerHeaders'))) c.res.headers.set(name, value);
}

/** GitHub's request id and media type on every answer, error or not. */
export function standardHeaders(ids: IdSource): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    startAnswer(c, ids);
    await next();
    finishAnswer(c);
  };
}
