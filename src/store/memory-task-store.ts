import type { Task, TaskRecord } from '../model/task-record.js';
import { ScopeIndex } from './scope-index.js';
import { taskOf, type TaskPage, type TaskQuery, type TaskScope, type TaskStore } from './task-store.js';

/**
 * In-memory store with per-repository and per-creator indexes (see scope-index.ts). `onChange`
 * hears every stored or changed record (persistence appends it to the state file).
 */
export function createMemoryTaskStore(onChange?: (task: Task) => void): TaskStore {
  const byId = new Map<string, TaskRecord>();
  const byRepository = new Map<number, ScopeIndex>();
  const byCreator = new Map<number, ScopeIndex>();
  let lastSeq = 0;
  // One counter for every revision this store hands out, so a record never shows a revision it
  // showed before with other contents (http/agent-tasks/present-cache.ts relies on it).
  let lastRevision = 0;
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


  function scopeIndex(scope: TaskScope): ScopeIndex | undefined {
    return scope.kind === 'repository' ? byRepository.get(scope.repositoryId) : byCreator.get(scope.userId);
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
      onChange?.(taskOf(task));
      return task;
    },
    get: (id) => byId.get(id),
    has: (task) => byId.get(task.id) === task,
    update(id, mutate) {
      const task = byId.get(id);
      if (!task) return undefined;
      version++;
      removeFromIndexes(task);
      try {
        mutate(task);
      } finally {
        task.revision = ++lastRevision;
        addToIndexes(task);
      }
      onChange?.(taskOf(task));
      return task;
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
