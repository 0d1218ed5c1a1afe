import { Hono, type Context } from 'hono';
import type { Token } from '../../model/directory.js';
import type { LimitStatus, RateLimitSettings, RateLimitSettingsPatch } from '../../tenants/rate-limit-settings.js';
import type { Tenant } from '../../tenants/tenant.js';
import type { ApiEnv } from '../shared/env.js';
import { MESSAGES } from '../shared/messages.js';
import { readJsonObject, respondInvalid } from '../shared/read-json-body.js';
import { respondError, respondJson } from '../shared/respond.js';
import { validateRateLimitReset, validateRateLimitSettings, validateRateLimitToken } from '../../generated/validators.js';

/** Mounted under /_emulator. */
const BASE = '/rate-limits';

/**
 * /_emulator/rate-limits: the tenant's rate-limit settings and each token's standing
 * (docs/faults.md). Never rate limited or faulted itself. A rejected request changes nothing.
 */
export function createControlRateLimitsRoutes(): Hono<ApiEnv> {
  // Bodies are checked against src/http/control/rate-limit-schemas.ts, compiled at build time.
  const checkSettings = validateRateLimitSettings;
  const checkToken = validateRateLimitToken;
  const checkReset = validateRateLimitReset;
  const invalid = (c: Context<ApiEnv>, errors: typeof checkSettings.errors) =>
    respondInvalid(
      c,
      'RateLimit',
      (errors ?? []).map((e) => ({
        pointer: e.instancePath || '/',
        message: `${e.message ?? 'is invalid'}${e.keyword === 'additionalProperties' ? ` (${String(e.params.additionalProperty)})` : ''}`,
      })),
    );
  const tokenOf = (c: Context<ApiEnv>) => c.get('world').directory.tokens.get(c.req.param('token') ?? '');
  const notFound = (c: Context<ApiEnv>) => respondError(c, 404, MESSAGES.notFound);
  const routes = new Hono<ApiEnv>();

  routes.get(BASE, (c) => {
    const tenant = c.get('tenant');
    const tokens = [...c.get('world').directory.tokens.values()].map((t) => presentToken(tenant, t));
    return respondJson(c, 200, { settings: presentSettings(tenant.rateLimits.settings()), tokens });
  });

  routes.patch(BASE, async (c) => {
    const body = await readJsonObject(c);
    if (body instanceof Response) return body;
    if (!checkSettings(body)) return invalid(c, checkSettings.errors);
    const settings = c.get('tenant').rateLimits.configure(readSettingsPatch(body));
    return respondJson(c, 200, { settings: presentSettings(settings) });
  });

  routes.get(`${BASE}/:token`, (c) => {
    const token = tokenOf(c);
    return token ? respondJson(c, 200, presentToken(c.get('tenant'), token)) : notFound(c);
  });

  const updateToken = async (c: Context<ApiEnv>) => {
    const token = tokenOf(c);
    if (!token) return notFound(c);
    const body = await readJsonObject(c);
    if (body instanceof Response) return body;
    if (!checkToken(body)) return invalid(c, checkToken.errors);
    const book = c.get('tenant').rateLimits;
    if ('limit' in body) book.setLimit(token.value, (body.limit as number | null) ?? undefined);
    if (typeof body.remaining === 'number') book.setRemaining(token.value, token.rateLimit, body.remaining);
    return respondJson(c, 200, presentToken(c.get('tenant'), token));
  };
  routes.put(`${BASE}/:token`, updateToken);
  routes.patch(`${BASE}/:token`, updateToken);

  routes.post(`${BASE}/reset`, async (c) => {
    const body = await readJsonObject(c, { allowEmpty: true });
    if (body instanceof Response) return body;
    if (!checkReset(body)) return invalid(c, checkReset.errors);
    const value = body.token as string | undefined;
    if (value !== undefined && !c.get('world').directory.tokens.has(value)) {
      return respondInvalid(c, 'RateLimit', [{ pointer: '/token', message: 'is not a token this emulator knows' }]);
    }
    c.get('tenant').rateLimits.resetCounts(value);
    return c.body(null, 204);
  });

  return routes;
}

function readSettingsPatch(body: Record<string, unknown>): RateLimitSettingsPatch {
  const p = body.primary as Record<string, unknown> | undefined;
  const s = body.secondary as Record<string, unknown> | undefined;
  return {
    primary: p && { status: p.status as LimitStatus | undefined, windowSeconds: p.window_seconds as number | undefined },
    secondary: s && {
      limit: s.limit as number | null | undefined,
      windowSeconds: s.window_seconds as number | undefined,
      retryAfterSeconds: s.retry_after_seconds as number | undefined,
      status: s.status as LimitStatus | undefined,
    },
  };
}

function presentSettings(s: RateLimitSettings) {
  return {
    primary: { status: s.primary.status, window_seconds: s.primary.windowSeconds },
    secondary: {
      limit: s.secondary.limit,
      window_seconds: s.secondary.windowSeconds,
      retry_after_seconds: s.secondary.retryAfterSeconds,
      status: s.secondary.status,
    },
  };
}

function presentToken(tenant: Tenant, token: Token) {
  const book = tenant.rateLimits;
  const core = book.status(token.value, token.rateLimit);
  const secondary = book.secondaryStatus(token.value);
  return {
    token: token.value,
    user: { login: token.user.login, id: token.user.id },
    limit: core.limit,
    fixture_limit: token.rateLimit,
    overridden: book.hasOverride(token.value),
    used: core.used,
    remaining: core.remaining,
    reset: core.reset,
    secondary: {
      used: secondary.used,
      blocked_until: secondary.blockedUntil === undefined ? null : new Date(secondary.blockedUntil).toISOString(),
    },
  };
}
