import type { TaskRecord, TaskState } from '../model/task-record.js';

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
  query(query: TaskQuery): TaskPage;
  /** Grows with every insert, update and clear: equal versions, equal answers to every query. */
  version(): number;
  count(): number;
  all(): IterableIterator<TaskRecord>;
  /** Lets every record go, each back to `seq` 0. */
  clear(): void;
}
