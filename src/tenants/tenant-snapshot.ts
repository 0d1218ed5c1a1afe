import type { TaskRecord } from '../model/task-record.js';

/** One tenant as saved: enough to carry on exactly where it was. */
export interface TenantSnapshot {
  name: string;
  seed: number;
  /** The tenant clock's time when saved (epoch ms); manual and scaled clocks resume from it. */
  clockNow: number;
  defaultScenario: string;
  outcomes: string[];
  tasks: TaskRecord[];
}
