import type { Clock } from '../engine/clock.js';
import type { SecondaryLimitSettings } from './rate-limit-settings.js';

export type ContentVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface SecondaryStatus {
  /** Content-creating requests counted in the current window. */
  used: number;
  /** Epoch ms until which content creation is refused, if it is. */
  blockedUntil?: number;
}

/**
 * GitHub's content-creation secondary limit, per token: a sliding window of accepted
 * content-creating requests on the tenant's clock. The request that would exceed the limit is
 * refused and blocks content creation for retry-after seconds (GitHub's message says it has
 * "temporarily blocked [you] from content creation"); when the block ends the window starts afresh.
 */
export interface SecondaryWindow {
  admit(token: string, settings: SecondaryLimitSettings): ContentVerdict;
  status(token: string, settings: SecondaryLimitSettings): SecondaryStatus;
  forget(token?: string): void;
}

export function createSecondaryWindow(clock: Clock): SecondaryWindow {
  const byToken = new Map<string, { times: number[]; blockedUntil?: number }>();
  const current = (token: string, settings: SecondaryLimitSettings) => {
    const now = clock.now();
    let w = byToken.get(token);
    if (!w) byToken.set(token, (w = { times: [] }));
    if (w.blockedUntil !== undefined && w.blockedUntil <= now) w.blockedUntil = undefined;
    const since = now - settings.windowSeconds * 1000;
    while (w.times.length && w.times[0]! <= since) w.times.shift();
    return { w, now };
  };
  return {
    admit(token, settings) {
      if (settings.limit === null) return { ok: true };
      const { w, now } = current(token, settings);
      if (w.blockedUntil !== undefined) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((w.blockedUntil - now) / 1000)) };
      if (w.times.length >= settings.limit) {
        w.blockedUntil = now + settings.retryAfterSeconds * 1000;
        w.times = [];
        return { ok: false, retryAfterSeconds: settings.retryAfterSeconds };
      }
      w.times.push(now);
      return { ok: true };
    },
    status(token, settings) {
      const { w } = current(token, settings);
      return w.blockedUntil === undefined ? { used: w.times.length } : { used: w.times.length, blockedUntil: w.blockedUntil };
    },
    forget: (token) => (token === undefined ? byToken.clear() : void byToken.delete(token)),
  };
}
