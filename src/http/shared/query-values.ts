// Query values as GitHub reads them on every list: paging is tolerant, filters are strict
// (decisions/0003-strict-filters-tolerant-paging.md).

/** A whole number of at least 1 (up to nine digits), or undefined for anything else. */
export function positiveInt(raw: string | null | undefined): number | undefined {
  if (raw === undefined || raw === null || !/^\d{1,9}$/.test(raw.trim())) return undefined;
  const n = Number(raw.trim());
  return n >= 1 ? n : undefined;
}

/** The value when it is one of `allowed`; otherwise undefined, and `refuse` hears why. */
export function oneOf<T extends string>(raw: string | null | undefined, allowed: readonly T[], field: string, refuse: (field: string, message: string) => void): T | undefined {
  if (raw === undefined || raw === null) return undefined;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  refuse(field, `${field} must be one of: ${allowed.join(', ')}`);
  return undefined;
}
