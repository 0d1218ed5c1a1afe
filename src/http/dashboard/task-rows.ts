import type { TaskRecord, TaskState } from '../../model/task-record.js';
import { explainTask, formatMs, type TaskOutlook } from '../../engine/explain-task.js';
import type { Tenant } from '../../tenants/tenant.js';

export interface TaskFilter {
  /** owner/name, any case. */
  repository?: string;
  state?: TaskState;
  archived: 'no' | 'yes' | 'all';
}

export interface TaskRow {
  task: TaskRecord;
  outlook: TaskOutlook;
}

/** Rows shown at most: a tenant holds thousands of generated tasks. */
export const TASK_ROWS = 100;

/** The tenant's tasks that pass the filter, most recently updated first, at most `limit`. */
export function listTaskRows(tenant: Tenant, filter: TaskFilter, limit = TASK_ROWS): { rows: TaskRow[]; matched: number } {
  const repository = filter.repository?.toLowerCase();
  const matching: TaskRecord[] = [];
  for (const task of tenant.world.store.all()) {
    if (filter.state !== undefined && task.state !== filter.state) continue;
    if (filter.archived === 'no' && task.archivedAt !== null) continue;
    if (filter.archived === 'yes' && task.archivedAt === null) continue;
    if (repository !== undefined && `${task.ownerLogin}/${task.repositoryName}`.toLowerCase() !== repository) continue;
    matching.push(task);
  }
  matching.sort((a, b) => b.updatedAt - a.updatedAt || b.seq - a.seq);
  const rows = matching.slice(0, limit).map((task) => ({ task, outlook: explainTask(task, tenant.engine.catalogue, tenant.clock) }));
  return { rows, matched: matching.length };
}

/** "in_progress at 12:00:03Z (in 3s)", "completed on read 3 (1 so far)", "in_progress on answer", "". */
export function describeNext(outlook: TaskOutlook): string {
  const next = outlook.next;
  if (!next) return '';
  if (next.trigger === 'after') return `${next.state} at ${new Date(next.dueAt).toISOString()} (in ${formatMs(next.inMs) || '0ms'})`;
  if (next.trigger === 'after_reads') return `${next.state} on read ${next.of} (${next.reads} so far)`;
  return `${next.state} when answered`;
}
