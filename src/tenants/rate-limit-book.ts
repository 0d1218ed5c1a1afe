import type { Clock } from '../engine/clock.js';
import { applySettingsPatch, DEFAULT_RATE_LIMIT_SETTINGS, type RateLimitSettings, type RateLimitSettingsPatch } from './rate-limit-settings.js';
import { createSecondaryWindow, type ContentVerdict, type SecondaryStatus } from './secondary-window.js';

export interface RateLimitStatus {
  limit: number;
  used: number;
  remaining: number;
  /** Epoch seconds when the window resets, as x-ratelimit-reset gives it. */
  reset: number;
}

/**
 * GitHub's rate limits for one tenant, per token: the primary quota (an hour-long window, unless
 * configured otherwise, that opens with the token's first counted request, on the tenant's clock), limits changed at run time,
 * the content-creation secondary limit, and the settings that shape the answers. Keys are
 * fixture tokens, so it is bounded.
 */
export interface RateLimitBook {
  /** The token's standing without counting anything. `fixtureLimit` applies unless overridden. */
  status(token: string, fixtureLimit: number): RateLimitStatus;
  /** Count one request; returns the status after counting. */
  consume(token: string, fixtureLimit: number): RateLimitStatus;
  /** Give back one counted request (a 304 turned out to cost nothing). */
  refund(token: string, fixtureLimit: number): RateLimitStatus;
  /** Override a token's hourly limit; undefined restores the fixture's. */
  setLimit(token: string, limit: number | undefined): void;
  hasOverride(token: string): boolean;
  /** Set what is left in the current window (opening one if needed), e.g. 0 to exhaust it now. */
  setRemaining(token: string, fixtureLimit: number, remaining: number): RateLimitStatus;
  /** Count one content-creating request against the secondary limit. */
  admitContent(token: string): ContentVerdict;
  secondaryStatus(token: string): SecondaryStatus;
  settings(): Readonly<RateLimitSettings>;
  configure(patch: RateLimitSettingsPatch): RateLimitSettings;
  /** Forget counts and blocks (of one token, or all); limits and settings stay. */
  resetCounts(token?: string): void;
  /** Forget everything, overrides and settings included. */
  clear(): void;
}

export function createRateLimitBook(clock: Clock, initialSettings: RateLimitSettings = DEFAULT_RATE_LIMIT_SETTINGS): RateLimitBook {
  const windows = new Map<string, { resetAt: number; used: number }>();
  const overrides = new Map<string, number>();
  const secondary = createSecondaryWindow(clock);
  let settings = initialSettings;
  const live = (token: string) => {
    const w = windows.get(token);
    return w && w.resetAt > clock.now() ? w : undefined;
  };
  const open = (token: string) => {
    let w = live(token);
    if (!w) windows.set(token, (w = { resetAt: clock.now() + windowMs(), used: 0 }));
    return w;
  };
  const windowMs = () => settings.primary.windowSeconds * 1000;
  const limitOf = (token: string, fixtureLimit: number) => overrides.get(token) ?? fixtureLimit;
  const describe = (w: { resetAt: number; used: number }, limit: number): RateLimitStatus => ({
    limit,
    used: w.used,
    remaining: Math.max(0, limit - w.used),
    reset: Math.ceil(w.resetAt / 1000),
  });
  return {
    // A token without an open window shows a fresh one, as GitHub's /rate_limit does, without
    // opening it: only counted requests start the hour.
    status: (token, fixtureLimit) => describe(live(token) ?? { resetAt: clock.now() + windowMs(), used: 0 }, limitOf(token, fixtureLimit)),
    consume(token, fixtureLimit) {
      const w = open(token);
      w.used++;
      return describe(w, limitOf(token, fixtureLimit));
    },
    refund(token, fixtureLimit) {
      const w = open(token);
      w.used = Math.max(0, w.used - 1);
      return describe(w, limitOf(token, fixtureLimit));
    },
    setLimit: (token, limit) => void (limit === undefined ? overrides.delete(token) : overrides.set(token, limit)),
    hasOverride: (token) => overrides.has(token),
    setRemaining(token, fixtureLimit, remaining) {
      const w = open(token);
      const limit = limitOf(token, fixtureLimit);
      w.used = Math.max(0, limit - remaining);
      return describe(w, limit);
    },
    admitContent: (token) => secondary.admit(token, settings.secondary),
    secondaryStatus: (token) => secondary.status(token, settings.secondary),
    // Settings are replaced, never changed in place (applySettingsPatch), so they can be shared.
    settings: () => settings,
    configure: (patch) => (settings = applySettingsPatch(settings, patch)),
    resetCounts(token) {
      if (token === undefined) windows.clear();
      else windows.delete(token);
      secondary.forget(token);
    },
    clear() {
      windows.clear();
      overrides.clear();
      secondary.forget();
      settings = initialSettings;
    },
  };
}
