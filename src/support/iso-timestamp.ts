// ISO 8601 dates and date-times as epoch ms: list filters, control bodies and command-line values share one reading.
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * ISO 8601 dates and date-times; a date-time without a zone is read as UTC, as GitHub does. A
 * date or time that does not exist (February 30th, 24:00) is refused: Date.parse would roll it
 * over into the next day or month.
 */
export function parseIsoTimestamp(raw: string): number | undefined {
  const value = raw.trim();
  const m = ISO_8601.exec(value);
  if (!m) return undefined;
  const [year, month, day, hour = 0, minute = 0, second = 0] = m.slice(1, 7).map((n) => (n === undefined ? undefined : Number(n))) as number[];
  const zone = m[7];
  if (month! < 1 || month! > 12 || day! < 1 || day! > daysIn(year!, month!) || hour > 23 || minute > 59 || second > 59) return undefined;
  if (zone && zone.toUpperCase() !== 'Z' && (Number(zone.slice(1, 3)) > 23 || Number(zone.slice(-2)) > 59)) return undefined;
  const normalised = value.length === 10 ? `${value}T00:00:00Z` : zone ? value.replace(' ', 'T') : `${value.replace(' ', 'T')}Z`;
  const ms = Date.parse(normalised.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(ms) ? undefined : ms;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
