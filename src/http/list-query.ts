import type { ListOptions } from '../domain/agent-tasks.js';
import type { ValidationProblem } from '../domain/errors.js';
import { TASK_STATES, isTaskState, type TaskState } from '../domain/types.js';

export const DEFAULT_PER_PAGE = 30;
export const MAX_PER_PAGE = 100;

export interface ParsedList {
  options: ListOptions;
  page: number;
  perPage: number;
}

type QueryReader = { get(name: string): string | undefined; all(name: string): string[] };

/**
 * Paging is tolerant, as everywhere on GitHub: per_page over 100 means 100; zero, negative,
 * fractional or non-numeric values fall back to the defaults. Filters are strict: a value outside
 * the documented set is a 422 (docs/fidelity.md records both choices).
 */
export function parseListQuery(query: QueryReader, allowCreatorId: boolean): ParsedList | { problems: ValidationProblem[] } {
  const problems: ValidationProblem[] = [];
  const perPage = Math.min(MAX_PER_PAGE, positiveInt(query.get('per_page')) ?? DEFAULT_PER_PAGE);
  const page = positiveInt(query.get('page')) ?? 1;

  const sort = oneOf(query.get('sort'), ['updated_at', 'created_at'] as const, 'sort', problems) ?? 'updated_at';
  const direction = oneOf(query.get('direction'), ['desc', 'asc'] as const, 'direction', problems) ?? 'desc';

  let states: Set<TaskState> | undefined;
  const rawState = query.get('state');
  if (rawState !== undefined) {
    const names = rawState.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
    const unknown = names.filter((s) => !isTaskState(s));
    if (unknown.length > 0) {
      problems.push({ field: 'state', code: 'invalid', message: `state must be a comma-separated list of: ${TASK_STATES.join(', ')}; got ${unknown.join(', ')}` });
    } else if (names.length > 0) states = new Set(names as TaskState[]);
  }

  let archived = false;
  const rawArchived = query.get('is_archived');
  if (rawArchived !== undefined) {
    if (rawArchived === 'true' || rawArchived === 'false') archived = rawArchived === 'true';
    else problems.push({ field: 'is_archived', code: 'invalid', message: 'is_archived must be true or false' });
  }

  let since: number | undefined;
  const rawSince = query.get('since');
  if (rawSince !== undefined) {
    since = parseIsoTimestamp(rawSince);
    if (since === undefined) problems.push({ field: 'since', code: 'invalid', message: 'since must be an ISO 8601 timestamp, e.g. 2026-06-21T09:14:02Z' });
  }

  let creatorIds: Set<number> | undefined;
  if (allowCreatorId) {
    const raw = [...query.all('creator_id'), ...query.all('creator_id[]')].flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
    if (raw.some((v) => !/^\d{1,15}$/.test(v))) problems.push({ field: 'creator_id', code: 'invalid', message: 'creator_id must be one or more user ids (integers)' });
    else if (raw.length > 0) creatorIds = new Set(raw.map(Number));
  }

  if (problems.length > 0) return { problems };
  return {
    page,
    perPage,
    options: { states, archived, since, creatorIds, sort, direction, offset: (page - 1) * perPage, limit: perPage },
  };
}

function positiveInt(raw: string | undefined): number | undefined {
  if (raw === undefined || !/^\d{1,9}$/.test(raw.trim())) return undefined;
  const n = Number(raw.trim());
  return n >= 1 ? n : undefined;
}

function oneOf<T extends string>(raw: string | undefined, allowed: readonly T[], field: string, problems: ValidationProblem[]): T | undefined {
  if (raw === undefined) return undefined;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  problems.push({ field, code: 'invalid', message: `${field} must be one of: ${allowed.join(', ')}` });
  return undefined;
}

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
