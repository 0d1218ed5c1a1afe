import type { ListOptions } from '../../domain/agent-tasks.js';
import type { ValidationProblem } from '../../domain/errors.js';
import { TASK_STATES, isTaskState, type TaskState } from '../../model/task-record.js';
import { oneOf, positiveInt } from '../shared/query-values.js';
import { parseIsoTimestamp } from '../../support/iso-timestamp.js';

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
  const refuse = (field: string, message: string) => void problems.push({ field, code: 'invalid', message });
  const perPage = Math.min(MAX_PER_PAGE, positiveInt(query.get('per_page')) ?? DEFAULT_PER_PAGE);
  const page = positiveInt(query.get('page')) ?? 1;

  const sort = oneOf(query.get('sort'), ['updated_at', 'created_at'] as const, 'sort', refuse) ?? 'updated_at';
  const direction = oneOf(query.get('direction'), ['desc', 'asc'] as const, 'direction', refuse) ?? 'desc';

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
