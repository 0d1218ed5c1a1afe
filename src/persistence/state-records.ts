import type { TaskRecord } from '../domain/types.js';
import type { BranchRecord, PullRequestRecord, WorkSnapshot } from '../domain/work/work-records.js';
import { FileProblem } from '../support/file-problem.js';

/** Bump when a change makes older files unreadable; older files are then refused, never rewritten. */
export const STATE_VERSION = 1;
export const SNAPSHOT_KIND = 'agent-tasks-emulator-state';
export const LOG_KIND = 'agent-tasks-emulator-log';

/** One tenant as saved: enough to carry on exactly where it was. */
export interface TenantSnapshot {
  name: string;
  seed: number;
  /** The tenant clock's time when saved (epoch ms); manual and scaled clocks resume from it. */
  clockNow: number;
  defaultScenario: string;
  outcomes: string[];
  tasks: TaskRecord[];
  /** Pull requests and branches; absent in files written before they were kept (then rebuilt from artifacts). */
  work?: WorkSnapshot;
}

export interface StateSnapshot {
  kind: typeof SNAPSHOT_KIND;
  version: number;
  /** Matches the log written after this snapshot; a log of an older generation is already in it. */
  generation: number;
  savedAt: string;
  tenants: TenantSnapshot[];
}

export interface LogHeader {
  kind: typeof LOG_KIND;
  version: number;
  generation: number;
}

/** One acknowledged change, appended before the request that made it is answered. */
export type LogRecord =
  | { op: 'tenant'; tenant: string; seed: number; start: number }
  | { op: 'restore'; tenant: string; snapshot: TenantSnapshot }
  | { op: 'put'; tenant: string; task: TaskRecord }
  | { op: 'clock'; tenant: string; now: number }
  | { op: 'engine'; tenant: string; defaultScenario: string; outcomes: string[] }
  | { op: 'work'; tenant: string; pull?: PullRequestRecord; branch?: BranchRecord }
  | { op: 'drop'; tenant: string };

export class StateFileError extends FileProblem {}
