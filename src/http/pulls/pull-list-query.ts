import type { ValidationProblem } from '../../domain/errors.js';
import { oneOf, positiveInt } from '../shared/query-values.js';
import type { PullQuery, PullSort, PullState } from '../../domain/work/repository-reads.js';

const STATES: readonly PullState[] = ['open', 'closed', 'all'];
const SORTS: readonly PullSort[] = ['created', 'updated', 'popularity', 'long-running'];
const DIRECTIONS = ['asc', 'desc'] as const;
const MAX_PER_PAGE = 100;
const DEFAULT_PER_PAGE = 30;

export type PullListProblem = ValidationProblem & { resource: string };

export interface ParsedPullList {
  query: PullQuery;
  page: number;
  perPage: number;
}

/**
 * The query of GET /repos/{owner}/{repo}/pulls. A value outside an enum is a 422 naming the
 * field; paging is tolerant as everywhere on GitHub (per_page over 100 means 100, anything not a
 * positive integer means the default). `head` filters only in its documented `user:ref` form; a
 * bare branch name is ignored (docs/fidelity.md).
 */
export function parsePullListQuery(search: URLSearchParams): ParsedPullList | { problems: PullListProblem[] } {
  const problems: PullListProblem[] = [];
  const refuse = (field: string, message: string) => void problems.push({ resource: 'PullRequest', field, code: 'invalid', message });
  const state = oneOf(search.get('state'), STATES, 'state', refuse) ?? 'open';
  const sort = oneOf(search.get('sort'), SORTS, 'sort', refuse) ?? 'created';
  // "Default: desc when sort is created or sort is not specified, otherwise asc."
  const direction = oneOf(search.get('direction'), DIRECTIONS, 'direction', refuse) ?? (sort === 'created' ? 'desc' : 'asc');
  if (problems.length > 0) return { problems };
  const rawHead = search.get('head') ?? '';
  const colon = rawHead.indexOf(':');
  const head = colon > 0 && colon < rawHead.length - 1 ? { owner: rawHead.slice(0, colon), ref: rawHead.slice(colon + 1) } : undefined;
  const base = search.get('base') || undefined;
  const perPage = Math.min(MAX_PER_PAGE, positiveInt(search.get('per_page')) ?? DEFAULT_PER_PAGE);
  const page = positiveInt(search.get('page')) ?? 1;
  return { page, perPage, query: { state, head, base, sort, direction, offset: (page - 1) * perPage, limit: perPage } };
}
