import type { Artifact, TaskState } from './task-record.js';

/** How the engine chose a new task's scenario (engine/choose-scenario.ts). */
export type ChoiceSource = 'queued outcome' | 'prompt directive' | 'request header' | 'repository default' | 'default';

/** Why a task's scenario was chosen: engine/choose-scenario.ts, or a control-API load. */
export type ChosenBy = ChoiceSource | 'control load';

/** What made a change happen. */
export type HistoryCause =
  /** The task was created (through the API, or loaded through the control API). */
  | { kind: 'created'; scenario?: string; chosenBy?: ChosenBy }
  /** A step of its scenario fell due on the clock. */
  | { kind: 'scenario_step'; scenario: string; step: number }
  /** A read of the task by a client brought a poll-driven step. */
  | { kind: 'poll'; scenario: string; step: number }
  /** The control API answered the waiting task (`scenario` set when its scenario waited for it). */
  | { kind: 'answer'; scenario?: string; step?: number }
  | { kind: 'follow_up'; scenario: string }
  /** A lever of the control API. */
  | { kind: 'control'; lever: 'move' | 'cancel' | 'archive' | 'unarchive' | 'load' };

/** One change of a task, kept on its record so the state file keeps it too. */
export interface HistoryEntry {
  /** Tenant clock time, epoch ms. */
  at: number;
  /** null for the creation. */
  from: TaskState | null;
  to: TaskState;
  /** Sessions the task has after the change. */
  sessions: number;
  cause: HistoryCause;
  /** The pull request or branch the change produced. */
  produced?: Artifact;
}

