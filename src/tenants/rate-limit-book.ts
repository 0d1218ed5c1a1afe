import type { Clock } from '../engine/clock.js';

const WINDOW_MS = 3_600_000;

export interface RateLimitStatus {
  limit: number;
  used: number;
  remaining: number;
  /** Epoch seconds when the window resets, as x-ratelimit-reset gives it. */
  reset: number;
}

/**
 * GitHub's primary rate limit bookkeeping, per token: an hour-long window that opens with the
 * token's first counted request, on the tenant's clock. Keys are fixture tokens, so it is bounded.
 */
export interface RateLimitBook {
  status(token: string, limit: number): RateLimitStatus;
  /** Count one request; returns the status after counting. */
  consume(token: string, limit: number): RateLimitStatus;
  clear(): void;
}

export function createRateLimitBook(clock: Clock): RateLimitBook {
  const windows = new Map<string, { resetAt: number; used: number }>();
  const current = (token: string) => {
    const now = clock.now();
    let w = windows.get(token);
    if (!w || w.resetAt <= now) windows.set(token, (w = { resetAt: now + WINDOW_MS, used: 0 }));
    return w;
  };
  const describe = (w: { resetAt: number; used: number }, limit: number): RateLimitStatus => ({
    limit,
    used: w.used,
    remaining: Math.max(0, limit - w.used),
    reset: Math.ceil(w.resetAt / 1000),
  });
  return {
    status: (token, limit) => describe(current(token), limit),
    consume(token, limit) {
      const w = current(token);
      w.used++;
      return describe(w, limit);
    },
    clear: () => windows.clear(),
  };
}
