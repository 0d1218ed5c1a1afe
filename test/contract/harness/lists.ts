// Reading lists the way clients do: page by page, following rel="next".
import { expect } from 'vitest';
import type { ApiClient, ApiRequest, ApiResponse, QueryValue } from './api-client.js';
import { show } from './expectations.js';
import { linksByRel } from './link-header.js';

export interface TaskSummary {
  id: string;
  state: string;
  created_at: string;
  updated_at?: string;
  archived_at?: string | null;
  creator?: { id?: number };
  repository?: { id?: number };
  url?: string;
  html_url?: string;
  name?: string;
  sessions?: unknown[];
}

export interface TaskList {
  tasks: TaskSummary[];
  total_active_count?: number;
  total_archived_count?: number;
}

/** Guards against a target whose next links never end. */
const MAX_PAGES = 200;

export function listBody(res: ApiResponse): TaskList {
  expect(res.status, show(res)).toBe(200);
  return res.json as TaskList;
}

export async function getList(api: ApiClient, path: string, query: ApiRequest['query'] = {}): Promise<{ res: ApiResponse; body: TaskList }> {
  const res = await api.get(path, query);
  return { res, body: listBody(res) };
}

/** Every page of a list, following rel="next" from the first. */
export async function walkPages(api: ApiClient, path: string, query: ApiRequest['query'] = {}): Promise<Array<{ res: ApiResponse; body: TaskList }>> {
  const pages = [await getList(api, path, query)];
  for (;;) {
    const next = linksByRel(pages[pages.length - 1]!.res.headers.get('link')).get('next');
    if (!next) return pages;
    if (pages.length >= MAX_PAGES) throw new Error(`more than ${MAX_PAGES} pages at ${path}`);
    pages.push(await getList(api, api.pathOf(next), next.searchParams));
  }
}

/** All tasks of a list (per_page=100 unless the query says otherwise). */
export async function listAll(api: ApiClient, path: string, query: Record<string, QueryValue | undefined> = {}): Promise<TaskSummary[]> {
  const pages = await walkPages(api, path, { per_page: 100, ...query });
  return pages.flatMap((p) => p.body.tasks);
}

export const ids = (tasks: readonly TaskSummary[]) => tasks.map((t) => t.id);
export const timeOf = (iso: string | null | undefined) => (iso ? Date.parse(iso) : Number.NaN);

/**
 * Tasks unchanged between two reads of the same list (same state, updated_at and archived_at).
 * Agents, people and the emulator's scripted lifecycle move tasks while the suite runs; filter
 * tests judge only what held still, so they stay exact without assuming a quiet repository.
 */
export function stableTasks(before: readonly TaskSummary[], after: readonly TaskSummary[]): TaskSummary[] {
  const key = (t: TaskSummary) => `${t.state}|${t.updated_at}|${t.archived_at}`;
  const later = new Map(after.map((t) => [t.id, key(t)]));
  return before.filter((t) => later.get(t.id) === key(t));
}

/**
 * A filtered list against the unfiltered one read before and after it: every task it returns
 * passes the filter, every stable task that passes is in it, and no stable task that fails is.
 */
export function expectFiltered(filtered: readonly TaskSummary[], stable: readonly TaskSummary[], passes: (t: TaskSummary) => boolean, label: string): void {
  const returned = new Set(ids(filtered));
  expect(filtered.filter((t) => !passes(t)).map((t) => t.id), `${label}: returned tasks that fail the filter`).toEqual([]);
  expect(stable.filter((t) => passes(t) && !returned.has(t.id)).map((t) => t.id), `${label}: tasks missing`).toEqual([]);
  expect(stable.filter((t) => !passes(t) && returned.has(t.id)).map((t) => t.id), `${label}: tasks that should be filtered out`).toEqual([]);
}
