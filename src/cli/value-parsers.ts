import { parseDuration } from '../engine/duration.js';
import { parseIsoTimestamp } from '../support/iso-timestamp.js';
// Parsers for option values. Each returns the typed value or throws a plain Error whose message
// says what was expected; parse-command-line.ts adds which flag or variable the value came from.

export function integer(min: number, max: number): (raw: string) => number {
  return (raw) => {
    const value = /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) throw new Error(`an integer from ${min} to ${max}`);
    return value;
  };
}

export function oneOf<T extends string>(choices: readonly T[]): (raw: string) => T {
  return (raw) => {
    if (!(choices as readonly string[]).includes(raw)) throw new Error(`one of ${choices.join(', ')}`);
    return raw as T;
  };
}

export function text(raw: string): string {
  if (raw.trim() === '') throw new Error('a non-empty value');
  return raw;
}

export function httpUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('an absolute http or https URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('an absolute http or https URL');
  return raw;
}

export function positiveNumber(raw: string): number {
  const value = /^\s*\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : NaN;
  if (!(value > 0) || !Number.isFinite(value)) throw new Error('a number greater than 0, such as 60 or 0.5');
  return value;
}

/** "30m", "1h", "250ms" or a whole number of milliseconds. */
export function duration(raw: string): number {
  const ms = /^\s*\d+\s*$/.test(raw) ? Number(raw) : parseDuration(raw);
  if (ms === undefined || !Number.isSafeInteger(ms)) throw new Error('a duration such as 30s, 30m or 1h (or milliseconds)');
  return ms;
}

/** An ISO 8601 instant, as epoch milliseconds. */
export function instant(raw: string): number {
  const ms = parseIsoTimestamp(raw);
  if (ms === undefined) throw new Error('an ISO 8601 timestamp such as 2026-06-01T09:00:00Z');
  return ms;
}

/** A switch's variable: 1/true/yes or 0/false/no. */
export function boolean(raw: string): boolean {
  if (/^(1|true|yes)$/i.test(raw.trim())) return true;
  if (/^(0|false|no)$/i.test(raw.trim())) return false;
  throw new Error('1, true or yes, or 0, false or no');
}
