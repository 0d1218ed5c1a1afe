import type { Task } from '../model/task-record.js';

/** One tenant as saved: enough to carry on exactly where it was. */
export interface TenantSnapshot {
  name: string;
  seed: number;
  /** The tenant clock's time when saved (epoch ms); manual and scaled clocks resume from it. */
  clockNow: number;
  defaultScenario: string;
  outcomes: string[];
  /** Tasks only: the store's bookkeeping (seq, revision) is the store's, set anew on restore. */
  tasks: Task[];
}
