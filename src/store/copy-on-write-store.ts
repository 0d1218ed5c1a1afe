import type { TaskRecord } from '../domain/types.js';
import type { TaskStore } from './task-store.js';

/**
 * A store that reads from `shared` (the built-in tasks, the same in every tenant) until its
 * first change, which first makes a store of its own holding the shared records (`own`: indexed
 * there, each copied on its own first change) and goes on there. A new tenant then costs no
 * indexes of its own until it changes something, and no tasks until it changes those
 * (docs/decisions/0007-tenants.md). `shared` is never written: its records are frozen, so a
 * change that slipped past this store would throw rather than reach every tenant.
 */
export function createCopyOnWriteStore(shared: TaskStore, own: (shared: Iterable<TaskRecord>) => TaskStore): TaskStore {
  let mine: TaskStore | undefined;
  const take = (): TaskStore => {
    return (mine ??= own(shared.all()));
  };
  // A record handed out before the copy is the shared one: the change goes to the copy of it.
  const mineOf = (store: TaskStore, task: TaskRecord) => store.get(task.id) ?? task;
  return {
    insert: (task) => take().insert(task),
    get: (id) => (mine ?? shared).get(id),
    update: (id, mutate) => take().update(id, mutate),
    change(task, mutate) {
      const store = take();
      return store.change(mineOf(store, task), mutate);
    },
    revert: (task, before) => take().revert(task, before),
    query: (q) => (mine ?? shared).query(q),
    // Past every version the shared store had: a cache that saw one never mistakes the copy for it.
    version: () => (mine ? shared.version() + 1 + mine.version() : shared.version()),
    count: () => (mine ?? shared).count(),
    all: () => (mine ?? shared).all(),
    clear: () => take().clear(),
  };
}

/** Freezes a record and everything in it, so nothing can change a shared task in place. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}
