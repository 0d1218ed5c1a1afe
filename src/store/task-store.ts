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

/**
 * Where tasks live. Records handed out are live: change them only through `update`. The store
 * owns each record's bookkeeping (`seq`, `revision`): it sets them on insert and update, whatever
 * the record held, and what it reports to `onChange` or hands to a format leaves them out.
 */
export interface TaskStore {
  /** Takes the task as a record of this store, numbered after every record it took before. */
  insert(task: Task): TaskRecord;
  get(id: string): TaskRecord | undefined;
  /** Whether this very record is stored here (a record from before a `clear` is not). */
  has(task: TaskRecord): boolean;
  update(id: string, mutate: (task: TaskRecord) => void): TaskRecord | undefined;
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
