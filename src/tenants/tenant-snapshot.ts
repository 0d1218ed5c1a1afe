import type { Task } from '../model/task-record.js';
import type { WorkSnapshot } from '../model/work-records.js';

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
  /** Pull requests and branches; absent in files written before they were kept (then rebuilt from artifacts). */
  work?: WorkSnapshot;
}
