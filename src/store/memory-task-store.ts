import type { TaskRecord } from '../model/task-record.js';
import { ScopeIndex } from './scope-index.js';
import type { StoreObserver, TaskPage, TaskQuery, TaskScope, TaskStore } from './task-store.js';

/**
 * In-memory store with per-repository and per-creator indexes (see scope-index.ts). `observer`
 * hears every stored or changed record (persistence writes it to the state file). The store may
 * start with `shared` records that another store keeps, frozen (the built-in tasks every tenant
 * shares): they keep their bookkeeping, and each is replaced by a copy of its own the first time
 * it changes, so sharing costs a tenant nothing until then.
 */
export function createMemoryTaskStore(observer?: StoreObserver, shared: Iterable<TaskRecord> = []): TaskStore {
  const byId = new Map<string, TaskRecord>();
  const byRepository = new Map<number, ScopeIndex>();
  const byCreator = new Map<number, ScopeIndex>();
  let lastSeq = 0;
  // One counter for every revision this store hands out, so a record never shows a revision it
  // showed before with other contents (http/agent-tasks/present-cache.ts relies on it).
  let lastRevision = 0;
  let version = 0;
  const pages = new Map<string, TaskPage>();
  let pagesVersion = -1;

  // Each record lives in its repository's index and its creator's.
  const addToIndexes = (task: TaskRecord) => {
    upsert(byRepository, task.repositoryId, creatorOf).add(task);
    upsert(byCreator, task.creatorId, repositoryOf).add(task);
  };
  const removeFromIndexes = (task: TaskRecord) => {
    byRepository.get(task.repositoryId)?.remove(task);
    byCreator.get(task.creatorId)?.remove(task);
  };
  /** The record to change: a shared one is first replaced by a copy this store may change. */
  const changeable = (task: TaskRecord): TaskRecord => {
    if (!Object.isFrozen(task)) return task;
    const copy = structuredClone(task);
    removeFromIndexes(task);
    byId.set(copy.id, copy);
    addToIndexes(copy);
    return copy;
  };

  function scopeIndex(scope: TaskScope): ScopeIndex | undefined {
    return scope.kind === 'repository' ? byRepository.get(scope.repositoryId) : byCreator.get(scope.userId);
  }

  /** The page a query asks for, read from the indexes. */
  function findPage(q: TaskQuery): TaskPage {
    const index = scopeIndex(q.scope);
    if (!index) return { tasks: [], matched: 0, totalActive: 0, totalArchived: 0 };
    // In a repository's scope every task shares the repository and the filter is by creator; in
    // a creator's, the other way round. A filter on the scope's own id keeps all or nothing.
    const inRepository = q.scope.kind === 'repository';
    const ownId = q.scope.kind === 'repository' ? q.scope.repositoryId : q.scope.userId;
    const visibility = inRepository ? undefined : q.repositoryIds;
    const others = inRepository ? q.creatorIds : q.repositoryIds;
    const ownFilter = inRepository ? q.repositoryIds : q.creatorIds;
    // Totals are within visibility (repositoryIds), whatever the other filters.
    const hidden = inRepository && q.repositoryIds !== undefined && !q.repositoryIds.has(ownId);
    const totalActive = hidden ? 0 : index.size(false, visibility);
    const totalArchived = hidden ? 0 : index.size(true, visibility);
    if (ownFilter && !ownFilter.has(ownId)) return { tasks: [], matched: 0, totalActive, totalArchived };
    // Filtered down to one other id (one creator in a repository, one repository a token may
    // see), the tasks are those of both scopes: the page is read from the smaller one, so a
    // creator with a few tasks in a repository of many is not found by walking them all.
    let walked = index;
    let walkedOthers = others;
    if (others?.size === 1) {
      const [other] = others as ReadonlySet<number>;
      const across = (inRepository ? byCreator : byRepository).get(other!);
      if (!across) return { tasks: [], matched: 0, totalActive, totalArchived };
      if (across.total() < index.total()) {
        walked = across;
        walkedOthers = new Set([ownId]);
      }
    }
    const { tasks, matched } = walked.page({
      states: q.states,
      archived: q.archived,
      since: q.since,
      others: walkedOthers,
      key: q.sort === 'created_at' ? 'createdAt' : 'updatedAt',
      descending: q.direction === 'desc',
      offset: q.offset,
      limit: q.limit,
    });
    return { tasks, matched, totalActive, totalArchived };
  }

  for (const task of shared) {
    byId.set(task.id, task);
    addToIndexes(task);
    lastSeq = Math.max(lastSeq, task.seq);
    lastRevision = Math.max(lastRevision, task.revision);
  }

  return {
    insert(given) {
      if (byId.has(given.id)) throw new Error(`task ${given.id} already stored`);
      const task = given as TaskRecord;
      task.seq = ++lastSeq;
      task.revision = ++lastRevision;
      version++;
      byId.set(task.id, task);
      addToIndexes(task);
      observer?.changed(task, undefined);
      return task;
    },
    get: (id) => byId.get(id),
    has: (task) => byId.get(task.id) === task,
    update(id, mutate) {
      const stored = byId.get(id);
      if (!stored) return undefined;
      const task = changeable(stored);
      const before = observer?.changing(task);
      version++;
      removeFromIndexes(task);
      try {
        mutate(task);
      } finally {
        task.revision = ++lastRevision;
        addToIndexes(task);
      }
      observer?.changed(task, before);
      return task;
    },
    revert(task, before) {
      version++;
      removeFromIndexes(task);
      if (!before) {
        byId.delete(task.id);
        return;
      }
      // The store's own bookkeeping stays, with a new revision, so no cache serves the undone change.
      const seq = task.seq;
      for (const key of Object.keys(task)) if (!(key in before)) delete (task as unknown as Record<string, unknown>)[key];
      Object.assign(task, before, { seq, revision: ++lastRevision });
      addToIndexes(task);
    },
    query(q) {
      // Equal versions give equal answers (task-store.ts), and pollers ask for the same page over
      // and over: the pages asked of this version are kept until the next change.
      if (pagesVersion !== version) {
        pages.clear();
        pagesVersion = version;
      }
      const key = pageKey(q);
      const kept = pages.get(key);
      if (kept) return kept;
      const page = findPage(q);
      if (pages.size >= PAGES_KEPT) pages.delete(pages.keys().next().value!);
      pages.set(key, page);
      return page;
    },
    version: () => version,
    count: () => byId.size,
    all: () => byId.values(),
    clear() {
      version++;
      byId.clear();
      byRepository.clear();
      byCreator.clear();
      pages.clear();
    },
  };
}

function upsert(map: Map<number, ScopeIndex>, key: number, otherOf: (task: TaskRecord) => number): ScopeIndex {
  let index = map.get(key);
  if (!index) map.set(key, (index = new ScopeIndex(otherOf)));
  return index;
}

const creatorOf = (task: TaskRecord) => task.creatorId;
const repositoryOf = (task: TaskRecord) => task.repositoryId;

/** Pages kept per store version: a few pollers' pages, each up to 100 records long. */
const PAGES_KEPT = 32;

/** What tells two queries apart; sets go by their members in order (equal sets in another order only miss). */
function pageKey(q: TaskQuery): string {
  const scope = q.scope.kind === 'repository' ? `r${q.scope.repositoryId}` : `c${q.scope.userId}`;
  const set = (s: ReadonlySet<unknown> | undefined) => (s ? [...s].join(',') : '-');
  return `${scope}|${set(q.states)}|${q.archived}|${q.since ?? '-'}|${set(q.creatorIds)}|${set(q.repositoryIds)}|${q.sort}|${q.direction}|${q.offset}|${q.limit}`;
}
