import { Hono } from 'hono';
import { tokenFrom } from '../shared/authenticate.js';
import { rateLimitHeaders } from '../shared/count-rate-limit.js';
import type { ApiEnv } from '../shared/env.js';
import { DEFAULT_API_VERSION, MESSAGES } from '../shared/messages.js';
import { respondError, respondJson } from '../shared/respond.js';
import type { RateLimitStatus } from '../../tenants/rate-limit-book.js';

const DOCS_URL = 'https://docs.github.com/rest/rate-limit/rate-limit#get-rate-limit-status-for-the-authenticated-user';
/** GitHub's unauthenticated quota; the emulator does not count requests without a token. */
const UNAUTHENTICATED_LIMIT = 60;
/** Search is required by GitHub's schema of this answer; the emulator has no search to count. */
const SEARCH_LIMIT = 30;

/**
 * GET /rate_limit, GitHub's "Get rate limit status for the authenticated user": the token's `core`
 * quota (plus an untouched `search`), without counting against it, even when it is exhausted.
 * Version 2026-03-10 dropped the top-level `rate` member; 2022-11-28 still has it.
 */
export function createRateLimitRoute(): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();
  routes.get('/rate_limit', (c) => {
    c.set('docsUrl', DOCS_URL);
    const header = c.req.header('authorization');
    const now = c.get('tenant').clock.now();
    let core: RateLimitStatus;
    if (header === undefined || header.trim() === '') {
      core = { limit: UNAUTHENTICATED_LIMIT, used: 0, remaining: UNAUTHENTICATED_LIMIT, reset: Math.ceil((now + 3_600_000) / 1000) };
    } else {
      const value = tokenFrom(header);
      const token = value === undefined ? undefined : c.get('world').directory.tokens.get(value);
      if (!token) return respondError(c, 401, MESSAGES.badCredentials);
      core = c.get('tenant').rateLimits.status(token.value, token.rateLimit);
    }
    const entry = (s: RateLimitStatus, resource: string) => ({ limit: s.limit, remaining: s.remaining, reset: s.reset, used: s.used, resource });
    const search = { limit: SEARCH_LIMIT, used: 0, remaining: SEARCH_LIMIT, reset: Math.ceil((now + 60_000) / 1000) };
    const body: Record<string, unknown> = { resources: { core: entry(core, 'core'), search: entry(search, 'search') } };
    if ((c.req.header('x-github-api-version') ?? DEFAULT_API_VERSION) === '2022-11-28') body.rate = entry(core, 'core');
    return respondJson(c, 200, body, rateLimitHeaders(core));
  });
  return routes;
}
