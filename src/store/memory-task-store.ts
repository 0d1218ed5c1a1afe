import type { TaskRecord } from '../domain/types.js';
import { ScopeIndex } from './scope-index.js';
import type { TaskPage, TaskQuery, TaskScope, TaskStore } from './task-store.js';

/** Query answers kept between changes; clients poll the same few pages. */
export const DEFAULT_PAGE_MEMO_SIZE = 16;

/**
 * In-memory store with per-repository and per-creator indexes (see scope-index.ts). `onChange`
 * hears every stored or changed record (persistence appends it to the state file).
 */
export function createMemoryTaskStore(onChange?: (task: TaskRecord) => void, pageMemoSize = DEFAULT_PAGE_MEMO_SIZE): TaskStore {
  const byId = new Map<string, TaskRecord>();
  const byRepository = new Map<number, ScopeIndex>();
  const byCreator = new Map<number, ScopeIndex>();
  let lastSeq = 0;
  // Answers kept until the next insert, update or clear, so a page polled again is not merged from
  // the buckets again (bench/NOTES.md, third round).
  const changed = () => {
    pages.length = 0;
    oldest = 0;
  };
  // Few enough to scan: comparing a query's members is cheaper than making a key of them.
  const pages: Array<{ query: TaskQuery; page: TaskPage }> = [];
  let oldest = 0;

  const indexesOf = (task: TaskRecord): ScopeIndex[] => [
    upsert(byRepository, task.repositoryId),
    upsert(byCreator, task.creatorId),
  ];

  function scopeIndex(scope: TaskScope): ScopeIndex | undefined {
    return scope.kind === 'repository' ? byRepository.get(scope.repositoryId) : byCreator.get(scope.userId);
  }

  return {
    insert(task) {
      if (byId.has(task.id)) throw new Error(`task ${task.id} already stored`);
      task.seq = ++lastSeq;
      changed();
      byId.set(task.id, task);
      for (const index of indexesOf(task)) index.add(task);
      onChange?.(task);
    },
    get: (id) => byId.get(id),
    update(id, mutate) {
      const task = byId.get(id);
      if (!task) return undefined;
      changed();
      const before = indexesOf(task);
      for (const index of before) index.remove(task);
      try {
        mutate(task);
      } finally {
        task.revision++;
        for (const index of indexesOf(task)) index.add(task);
      }
      onChange?.(task);
      return task;
    },
    query(q: TaskQuery): TaskPage {
      const known = pages.find((p) => sameQuery(p.query, q));
      if (known) return known.page;
      const page = answer(q);
      // A copy, sharing its sets: callers build a query per request and never change its sets.
      const entry = { query: { ...q }, page };
      if (pages.length < pageMemoSize) pages.push(entry);
      else {
        pages[oldest] = entry;
        oldest = (oldest + 1) % pageMemoSize;
      }
      return page;
    },
    count: () => byId.size,
    all: () => byId.values(),
    clear() {
      changed();
      byId.clear();
      byRepository.clear();
      byCreator.clear();
    },
  };

  function answer(q: TaskQuery): TaskPage {
    const index = scopeIndex(q.scope);
    if (!index) return { tasks: [], matched: 0, totalActive: 0, totalArchived: 0 };
    const visible = q.repositoryIds;
    const visibleOnly = visible ? (t: TaskRecord) => visible.has(t.repositoryId) : undefined;
    const creators = q.creatorIds;
    const accept =
      visibleOnly || creators
        ? (t: TaskRecord) => (!visibleOnly || visibleOnly(t)) && (!creators || creators.has(t.creatorId))
        : undefined;
    const { tasks, matched } = index.page({
      states: q.states,
      archived: q.archived,
      since: q.since,
      accept,
      key: q.sort === 'created_at' ? 'createdAt' : 'updatedAt',
      descending: q.direction === 'desc',
      offset: q.offset,
      limit: q.limit,
    });
    return {
      tasks,
      matched,
      totalActive: index.size(false, visibleOnly),
      totalArchived: index.size(true, visibleOnly),
    };
  }
}

/** Whether two queries ask for the same answer: every member, sets by their contents. */
function sameQuery(a: TaskQuery, b: TaskQuery): boolean {
  return (
    a.offset === b.offset &&
    a.limit === b.limit &&
    a.archived === b.archived &&
    a.sort === b.sort &&
    a.direction === b.direction &&
    a.since === b.since &&
    a.scope.kind === b.scope.kind &&
    (a.scope.kind === 'repository' ? a.scope.repositoryId === (b.scope as typeof a.scope).repositoryId : a.scope.userId === (b.scope as typeof a.scope).userId) &&
    sameSet(a.states, b.states) &&
    sameSet(a.creatorIds, b.creatorIds) &&
    sameSet(a.repositoryIds, b.repositoryIds)
  );
}

function sameSet<T>(a: ReadonlySet<T> | undefined, b: ReadonlySet<T> | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

function upsert(map: Map<number, ScopeIndex>, key: number): ScopeIndex {
  let index = map.get(key);
  if (!index) map.set(key, (index = new ScopeIndex()));
  return index;
}
