import type { Task } from '../model/task-record.js';
import type { BranchRecord, PullRequestRecord } from '../model/work-records.js';
import { FileProblem } from '../support/file-problem.js';
import type { TenantSnapshot } from '../tenants/tenant-snapshot.js';

export type { TenantSnapshot };

/** Bump when a change makes older files unreadable; older files are then refused, never rewritten. */
export const STATE_VERSION = 1;
export const SNAPSHOT_KIND = 'agent-tasks-emulator-state';
export const LOG_KIND = 'agent-tasks-emulator-log';

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
  | { op: 'put'; tenant: string; task: Task }
  | { op: 'clock'; tenant: string; now: number }
  | { op: 'engine'; tenant: string; defaultScenario: string; outcomes: string[] }
  | { op: 'work'; tenant: string; pull?: PullRequestRecord; branch?: BranchRecord }
  | { op: 'drop'; tenant: string };

export class StateFileError extends FileProblem {}
