import type { Task, TaskRecord, TaskState } from '../model/task-record.js';

export type TaskScope = { kind: 'repository'; repositoryId: number } | { kind: 'creator'; userId: number };

export interface TaskQuery {
  scope: TaskScope;
  /** Only tasks in these states; undefined means every state. */
  states?: ReadonlySet<TaskState>;
  archived: boolean;
  /** Only tasks updated at or after this instant (epoch ms). */
  since?: number;
  creatorIds?: ReadonlySet<number>;
  /** Visibility limit (a fine-grained token's repositories): applies to the totals too. */
  repositoryIds?: ReadonlySet<number>;
  sort: 'updated_at' | 'created_at';
  direction: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export interface TaskPage {
  readonly tasks: readonly TaskRecord[];
  /** How many tasks match every filter, across all pages. */
  matched: number;
  /** Tasks in the scope (within visibility), regardless of the other filters. */
  totalActive: number;
  totalArchived: number;
}

/** Hears every record stored or changed (persistence writes it to the state file). */
export interface StoreObserver {
  /** Before a stored record changes: a copy to undo the change with. */
  changing(task: TaskRecord): Task;
  /** After a record was stored (`before` undefined) or changed. */
  changed(task: TaskRecord, before: Task | undefined): void;
}

/**
 * Where tasks live. Records handed out are live: change them only through `update`. The store
 * owns each record's bookkeeping (`seq`, `revision`): it sets them on insert and update, whatever
 * the record held, and what it hands to a format leaves them out (`taskOf`).
 */
export interface TaskStore {
  /** Takes the task as a record of this store, numbered after every record it took before. */
  insert(task: Task): TaskRecord;
  get(id: string): TaskRecord | undefined;
  /** Whether this very record is stored here (a record from before a `clear` is not). */
  has(task: TaskRecord): boolean;
  update(id: string, mutate: (task: TaskRecord) => void): TaskRecord | undefined;
  /**
   * Undoes a change this store just made, telling no observer: `before` is the task as it was
   * (the copy the observer's `changing` made), or undefined to let a just-stored record go again.
   */
  revert(task: TaskRecord, before: Task | undefined): void;
  query(query: TaskQuery): TaskPage;
  /** Grows with every insert, update and clear: equal versions, equal answers to every query. */
  version(): number;
  count(): number;
  all(): IterableIterator<TaskRecord>;
  /** Lets every record go. */
  clear(): void;
}

/** The task without the store's bookkeeping: what snapshots, the state file and listeners carry. */
export function taskOf(record: TaskRecord): Task {
  const { seq: _seq, revision: _revision, ...task } = record;
  return task;
}
