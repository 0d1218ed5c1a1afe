import type { HistoryEntry } from './task-history.js';

// The emulator's own record of a task. Times are epoch milliseconds from the injected clock;
// presenters turn them into GitHub's second-precision ISO strings.

export const TASK_STATES = [
  'queued',
  'in_progress',
  'completed',
  'failed',
  'idle',
  'waiting_for_user',
  'timed_out',
  'cancelled',
] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const TERMINAL_STATES: ReadonlySet<TaskState> = new Set(['completed', 'failed', 'timed_out', 'cancelled']);

export function isTaskState(value: string): value is TaskState {
  return (TASK_STATES as readonly string[]).includes(value);
}

export const MODELS = [
  'claude-sonnet-4.6',
  'claude-opus-4.6',
  'gpt-5.2-codex',
  'gpt-5.3-codex',
  'gpt-5.4',
  'claude-sonnet-4.5',
  'claude-opus-4.5',
] as const;

/** Shared by every task without collaborators (most), rather than an empty array each. */
export const NO_COLLABORATORS: readonly number[] = Object.freeze([]);

export type Usage = { type: 'ai_credits' | 'premium_requests'; amount: number };

export type Artifact =
  | { provider: 'github'; type: 'pull'; data: { id: number; global_id?: string } }
  | { provider: 'github'; type: 'branch'; data: { head_ref: string; base_ref: string } };

/** Shared by every task that has produced nothing yet; artifacts are added by replacing the array. */
export const NO_ARTIFACTS: readonly Artifact[] = Object.freeze([]);

export interface SessionRecord {
  id: string;
  name: string;
  userId: number;
  state: TaskState;
  createdAt: number;
  updatedAt: number;
  completedAt?: number;
  prompt: string;
  headRef?: string;
  baseRef?: string;
  model?: string;
  usage?: Usage;
  errorMessage?: string;
}

/** A task as the emulator keeps it, and as snapshots and the state file carry it. */
export interface Task {
  id: string;
  name: string;
  creatorId: number;
  creatorType: 'user' | 'organization';
  collaboratorIds: readonly number[];
  ownerId: number;
  ownerLogin: string;
  repositoryId: number;
  repositoryName: string;
  /** The state of the latest session, kept here so lists never walk sessions. */
  state: TaskState;
  /**
   * Replaced, never grown in place (engine/apply-step.ts): an array grown by push keeps room for
   * 17 items, which is most of what a one-session task would otherwise weigh.
   */
  sessions: readonly SessionRecord[];
  artifacts: readonly Artifact[];
  archivedAt: number | null;
  createdAt: number;
  updatedAt: number;
  customAgent?: string;
  createPullRequest: boolean;
  /** Given head_ref and base_ref: the agent commits to that branch and its open pull request. */
  existingBranch?: { headRef: string; baseRef: string };
  /** Where the task is in its scenario (engine/); absent when nothing scripts it. */
  progress?: ScenarioProgress;
  /** Every change of the task, with its cause (model/task-history.ts, recorded by engine/task-history.ts); absent on generated tasks. */
  history?: readonly HistoryEntry[];
  /** History entries dropped past the per-task limit. */
  historyDropped?: number;
}

/** A stored task: the task plus the store's bookkeeping, which no format carries (store/task-store.ts). */
export interface TaskRecord extends Task {
  /**
   * Insertion order in its store: equal timestamps sort by it, so a task created later always
   * sorts after one created at the same instant (GitHub's ids only grow) and a client paging by
   * created_at asc never sees a task twice while others are being created.
   */
  seq: number;
  /**
   * Changed by the store on every update, so what was derived from the record (its presented
   * JSON, http/agent-tasks/present-cache.ts) is known to be stale without comparing fields.
   */
  revision: number;
}

export interface ScenarioProgress {
  scenario: string;
  /** Index of the next step to happen; equal to the step count once the scenario has ended. */
  step: number;
  /** When the previous step happened (epoch ms), for time-triggered steps. */
  since: number;
  /** Reads of the task since the previous step, for read-triggered steps. */
  reads: number;
  /** When the next step falls due, for time-triggered steps (jitter already drawn). */
  dueAt?: number;
}
