import type { Context } from 'hono';
import type { RateLimitStatus } from '../../tenants/rate-limit-book.js';
import type { ApiEnv } from './env.js';
import {
  primaryRateLimitMessage,
  RATE_LIMIT_DOCS_URL,
  secondaryRateLimitMessage,
  SECONDARY_RATE_LIMIT_DOCS_URL,
} from './messages.js';
import { respondError } from './respond.js';
import { addAnswerHeader } from './answer-headers.js';

export function rateLimitHeaders(s: RateLimitStatus): Record<string, string> {
  return writeRateLimitHeaders({}, s);
}

/** GitHub's five x-ratelimit-* headers written into `headers`, which is returned. */
function writeRateLimitHeaders(headers: Record<string, string>, s: RateLimitStatus): Record<string, string> {
  headers['x-ratelimit-limit'] = String(s.limit);
  headers['x-ratelimit-remaining'] = String(s.remaining);
  headers['x-ratelimit-reset'] = String(s.reset);
  headers['x-ratelimit-used'] = String(s.used);
  headers['x-ratelimit-resource'] = 'core';
  return headers;
}

/** GitHub's secondary limits are about creating content; reads never count towards them. */
const createsContent = (method: string) => method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';

/**
 * GitHub's rate limits for an authenticated operation. An exhausted quota or a tripped secondary
 * limit answers before the handler runs (nothing is created): the refusal is returned, undefined
 * to go on. Otherwise the request is counted up front, so concurrent requests cannot overdraw the
 * quota, and given back by `refundNotModified` if it ends in a 304, which costs nothing on GitHub.
 */
export function countRateLimit(c: Context<ApiEnv>): Response | undefined {
  const { token, user } = c.get('caller');
  const tenant = c.get('tenant');
  const book = tenant.rateLimits;
  const before = book.status(token.value, token.rateLimit);
  if (before.remaining === 0) {
    const message = primaryRateLimitMessage(user.id, requestIdOf(c), supportTimestamp(tenant.clock.now()));
    return respondError(c, book.settings().primary.status, message, RATE_LIMIT_DOCS_URL, undefined, rateLimitHeaders(before));
  }
  if (createsContent(c.req.method)) {
    const verdict = book.admitContent(token.value);
    if (!verdict.ok) {
      const message = secondaryRateLimitMessage(requestIdOf(c), supportTimestamp(tenant.clock.now()));
      return respondError(c, book.settings().secondary.status, message, SECONDARY_RATE_LIMIT_DOCS_URL, undefined, {
        ...rateLimitHeaders(before),
        'retry-after': String(verdict.retryAfterSeconds),
      });
    }
  }
  // Gathered before the answer exists, so they go into it as it is made (http/shared/answer-headers.ts);
  // written there directly, as this runs for every request.
  const counted = book.consume(token.value, token.rateLimit);
  const gathered = c.get('answerHeaders');
  if (gathered) writeRateLimitHeaders(gathered, counted);
  else for (const [name, value] of Object.entries(rateLimitHeaders(counted))) addAnswerHeader(c, name, value);
  return undefined;
}

/** A 304 costs nothing: the request counted by `countRateLimit` is given back, and the answer's headers redone. */
export function refundNotModified(c: Context<ApiEnv>, answer: Response): Response {
  if (answer.status !== 304) return answer;
  const { token } = c.get('caller');
  const status = c.get('tenant').rateLimits.refund(token.value, token.rateLimit);
  for (const [name, value] of Object.entries(rateLimitHeaders(status))) answer.headers.set(name, value);
  return answer;
}

/**
 * The x-github-request-id this answer carries (set by startAnswer before routing); GitHub
 * quotes it in rate-limit messages.
 */
export function requestIdOf(c: Context): string {
  return (c.get('requestId') as string | undefined) ?? '';
}

/** GitHub's "2025-05-02 07:12:28" form, on the tenant's clock. */
export function supportTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19).replace('T', ' ');
}
