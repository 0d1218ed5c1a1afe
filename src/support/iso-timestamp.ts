// ISO 8601 dates and date-times as epoch ms: list filters, control bodies and command-line values share one reading.
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/** ISO 8601 dates and date-times; a date-time without a zone is read as UTC, as GitHub does. */
export function parseIsoTimestamp(raw: string): number | undefined {
  const value = raw.trim();
  if (!ISO_8601.test(value)) return undefined;
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(value) && value.length > 10;
  const normalised = value.length === 10 ? `${value}T00:00:00Z` : hasZone ? value.replace(' ', 'T') : `${value.replace(' ', 'T')}Z`;
  const ms = Date.parse(normalised.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(ms) ? undefined : ms;
}
