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
