import type { MiddlewareHandler } from 'hono';
import type { RateLimitStatus } from '../tenants/rate-limit-book.js';
import type { ApiEnv } from './env.js';

export function rateLimitHeaders(s: RateLimitStatus): Record<string, string> {
  return {
    'x-ratelimit-limit': String(s.limit),
    'x-ratelimit-remaining': String(s.remaining),
    'x-ratelimit-reset': String(s.reset),
    'x-ratelimit-used': String(s.used),
    'x-ratelimit-resource': 'core',
  };
}

/** Counts each authenticated request against its token's hourly quota; a 304 costs nothing. */
export function countRateLimit(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    await next();
    const { token } = c.get('caller');
    const book = c.get('tenant').rateLimits;
    const status = c.res.status === 304 ? book.status(token.value, token.rateLimit) : book.consume(token.value, token.rateLimit);
    for (const [name, value] of Object.entries(rateLimitHeaders(status))) c.res.headers.set(name, value);
  };
}
