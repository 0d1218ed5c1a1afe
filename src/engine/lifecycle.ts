import type { TaskRecord } from '../model/task-record.js';

/** What the creating request said about how the task should live (see engine/choose-scenario.ts). */
export interface StartHints {
  /** The scenario named by a request header, if any. */
  headerScenario?: string;
  /** The repository's default scenario from the fixtures, if any. */
  repositoryScenario?: string;
}

export type StartResult = { ok: true } | { ok: false; field: string; message: string };

/**
 * Moves tasks through their states. The domain calls it; it never calls the domain. Work is done
 * lazily: `settle` applies whatever fell due on the clock, so nothing runs between requests.
 */
export interface Lifecycle {
  /** Apply every transition due at or before the clock's now. */
  settle(): void;
  /**
   * A task is about to be stored: choose its scenario and plan its first step (the record is
   * changed in place). A refusal (an unknown scenario asked for) leaves the record untouched.
   */
  start(task: TaskRecord, hints: StartHints): StartResult;
  /** A client read this task (poll-driven steps count these). */
  read(task: TaskRecord): void;
}

/** A lifecycle that leaves every task where it is: tasks stay `queued` until moved by hand. */
export const staticLifecycle: Lifecycle = {
  settle() {},
  start: () => ({ ok: true }),
  read() {},
};
