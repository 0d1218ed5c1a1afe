// How a tenant applies GitHub's rate limits. Defaults follow GitHub: primary exhaustion answers
// 403 (GitHub mostly does; 429 also happens), and more than 80 content-creating requests a minute
// trip the secondary limit. https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api

export type LimitStatus = 403 | 429;

export interface SecondaryLimitSettings {
  /** Content-creating requests allowed per window and token; null turns the secondary limit off. */
  limit: number | null;
  windowSeconds: number;
  /** The retry-after given when the limit trips; content creation stays blocked that long. */
  retryAfterSeconds: number;
  status: LimitStatus;
}

export interface RateLimitSettings {
  primaryStatus: LimitStatus;
  secondary: SecondaryLimitSettings;
}

export interface RateLimitSettingsPatch {
  primaryStatus?: LimitStatus;
  secondary?: Partial<SecondaryLimitSettings>;
}

export const DEFAULT_RATE_LIMIT_SETTINGS: RateLimitSettings = {
  primaryStatus: 403,
  // GitHub names no retry-after for content creation and asks clients to wait "at least one minute".
  secondary: { limit: 80, windowSeconds: 60, retryAfterSeconds: 60, status: 403 },
};

export function applySettingsPatch(base: RateLimitSettings, patch: RateLimitSettingsPatch = {}): RateLimitSettings {
  return {
    primaryStatus: patch.primaryStatus ?? base.primaryStatus,
    secondary: { ...base.secondary, ...stripUndefined(patch.secondary ?? {}) },
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
