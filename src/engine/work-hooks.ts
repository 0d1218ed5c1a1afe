import type { SessionRecord, TaskRecord } from '../model/task-record.js';

/**
 * What the agent does in a task's repository as the task moves (pull requests and branches):
 * called by the engine, made by the domain (domain/work/task-work.ts), so the engine knows
 * nothing of how a repository's work is kept.
 */
export interface WorkHooks {
  /** The session started working on `headRef`. */
  started(task: TaskRecord, session: SessionRecord, headRef: string, at: number): void;
  /** The session completed with a pull request: the pull request it is in (the artifact's data). */
  pull(task: TaskRecord, session: SessionRecord, headRef: string, at: number): { id: number; global_id: string };
  /** Whether the session works in an open pull request already (head_ref and base_ref of one). */
  inPull(task: TaskRecord, session: SessionRecord, headRef: string): boolean;
  /** The session completed with a branch only. */
  branch(task: TaskRecord, session: SessionRecord, headRef: string, at: number): void;
}
