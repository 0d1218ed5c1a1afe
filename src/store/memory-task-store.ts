import type { TaskRecord } from '../domain/types.js';
import { ScopeIndex } from './scope-index.js';
import type { StoreObserver, TaskPage, TaskQuery, TaskScope, TaskStore } from './task-store.js';

/**
 * In-memory store with per-repository and per-creator indexes (see scope-index.ts). It may start
 * with `shared` records that another store keeps, frozen (the built-in tasks every tenant
 * shares): they keep their `seq`, and each is replaced by a copy of its own the first time it
 * changes, so sharing costs a tenant nothing until then.
 */
export function createMemoryTaskStore(observer?: StoreObserver, shared: Iterable<TaskRecord> = []): TaskStore {
  const byId = new Map<string, TaskRecord>();
  const byRepository = new Map<number, ScopeIndex>();
  const byCreator = new Map<number, ScopeIndex>();
  let lastSeq = 0;
  let version = 0;

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

  function change(shared: TaskRecord, mutate: (task: TaskRecord) => void): TaskRecord {
    const task = changeable(shared);
    const before = observer?.changing(task);
    version++;
    removeFromIndexes(task);
    try {
      mutate(task);
    } finally {
      task.revision++;
      addToIndexes(task);
    }
    observer?.changed(task, before);
    return task;
  }

  function scopeIndex(scope: TaskScope): ScopeIndex | undefined {
    return scope.kind === 'repository' ? byRepository.get(scope.repositoryId) : byCreator.get(scope.userId);
  }

  for (const task of shared) {
    byId.set(task.id, task);
    addToIndexes(task);
    lastSeq = Math.max(lastSeq, task.seq);
  }

  return {
    insert(task) {
      if (byId.has(task.id)) throw new Error(`task ${task.id} already stored`);
      task.seq = ++lastSeq;
      version++;
      byId.set(task.id, task);
      addToIndexes(task);
      observer?.changed(task, undefined);
    },
    get: (id) => byId.get(id),
    update(id, mutate) {
      const task = byId.get(id);
      return task && change(task, mutate);
    },
    change,
    revert(task, before) {
      version++;
      removeFromIndexes(task);
      if (!before) {
        byId.delete(task.id);
        task.seq = 0;
        return;
      }
      // The store's own bookkeeping stays: a new revision, so no cache serves the undone change.
      const { seq, revision } = task;
      for (const key of Object.keys(task)) if (!(key in before)) delete (task as unknown as Record<string, unknown>)[key];
      Object.assign(task, before, { seq, revision: revision + 1 });
      addToIndexes(task);
    },
    query(q: TaskQuery): TaskPage {
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
      // Totals and pages are written out, not spread into the answer (domain/agent-tasks.ts queryOf).
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
    },
    version: () => version,
    count: () => byId.size,
    all: () => byId.values(),
    clear() {
      version++;
      for (const task of byId.values()) if (!Object.isFrozen(task)) task.seq = 0;
      byId.clear();
      byRepository.clear();
      byCreator.clear();
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
