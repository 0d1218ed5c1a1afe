// How a tenant applies GitHub's rate limits. Defaults follow GitHub: an hourly primary quota
// whose exhaustion answers 403 (GitHub mostly does; 429 also happens), and more than 80
// content-creating requests a minute trip the secondary limit.
// https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api

export type LimitStatus = 403 | 429;

export interface PrimaryLimitSettings {
  status: LimitStatus;
  /** Length of a quota window (GitHub: an hour). Shorter windows let tests see a reset soon. */
  windowSeconds: number;
}

export interface SecondaryLimitSettings {
  /** Content-creating requests allowed per window and token; null turns the secondary limit off. */
  limit: number | null;
  windowSeconds: number;
  /** The retry-after given when the limit trips; content creation stays blocked that long. */
  retryAfterSeconds: number;
  status: LimitStatus;
}

export interface RateLimitSettings {
  primary: PrimaryLimitSettings;
  secondary: SecondaryLimitSettings;
}

export interface RateLimitSettingsPatch {
  primary?: Partial<PrimaryLimitSettings>;
  secondary?: Partial<SecondaryLimitSettings>;
}

export const DEFAULT_RATE_LIMIT_SETTINGS: RateLimitSettings = {
  primary: { status: 403, windowSeconds: 3600 },
  // GitHub names no retry-after for content creation and asks clients to wait "at least one minute".
  secondary: { limit: 80, windowSeconds: 60, retryAfterSeconds: 60, status: 403 },
};

export function applySettingsPatch(base: RateLimitSettings, patch: RateLimitSettingsPatch = {}): RateLimitSettings {
  return {
    primary: { ...base.primary, ...definedOnly(patch.primary ?? {}) },
    secondary: { ...base.secondary, ...definedOnly(patch.secondary ?? {}) },
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
