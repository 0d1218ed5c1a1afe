import type { TaskRecord, TaskState } from '../domain/types.js';

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
  changing(task: TaskRecord): TaskRecord;
  /** After a record was stored (`before` undefined) or changed. */
  changed(task: TaskRecord, before: TaskRecord | undefined): void;
}

/** Where tasks live. Records handed out are live: change them only through `update`. */
export interface TaskStore {
  /** Takes the record and numbers it (`seq` 1 and up): a record with `seq` 0 is in no store. */
  insert(task: TaskRecord): void;
  get(id: string): TaskRecord | undefined;
  update(id: string, mutate: (task: TaskRecord) => void): TaskRecord | undefined;
  /**
   * As `update`, for a record this store handed out, without looking it up by id again: a lookup
   * among 100,000 ids is a few cache misses. Not for a record from before a `clear`.
   */
  change(task: TaskRecord, mutate: (task: TaskRecord) => void): TaskRecord;
  /**
   * Undoes a change this store just made, telling no observer: `before` is the record as it was
   * (the copy the observer's `changing` made), or undefined to let a just-stored record go again.
   */
  revert(task: TaskRecord, before: TaskRecord | undefined): void;
  query(query: TaskQuery): TaskPage;
  /** Grows with every insert, update and clear: equal versions, equal answers to every query. */
  version(): number;
  count(): number;
  all(): IterableIterator<TaskRecord>;
  /** Lets every record go, each back to `seq` 0. */
  clear(): void;
}
