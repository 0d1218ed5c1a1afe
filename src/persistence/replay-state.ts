import type { Task } from '../model/task-record.js';
import type { LogRecord, StateSnapshot, TenantSnapshot } from './state-records.js';

export interface ReplayContext {
  /** The fixture tasks a tenant created fresh with this seed at this time would have. */
  regenerate(seed: number, start: number): Task[];
  defaultScenario: string;
}

/** The snapshot with the log's changes applied in order: the state to restore, by tenant. */
export function replayState(snapshot: StateSnapshot | undefined, records: readonly LogRecord[], context: ReplayContext): TenantSnapshot[] {
  const tenants = new Map<string, { base: Omit<TenantSnapshot, 'tasks'>; tasks: Map<string, Task> }>();
  for (const t of snapshot?.tenants ?? []) {
    const { tasks, ...base } = t;
    tenants.set(t.name, { base, tasks: new Map(tasks.map((task) => [task.id, task])) });
  }
  for (const r of records) {
    if (r.op === 'tenant') {
      tenants.set(r.tenant, {
        base: { name: r.tenant, seed: r.seed, clockNow: r.start, defaultScenario: context.defaultScenario, outcomes: [] },
        tasks: new Map(context.regenerate(r.seed, r.start).map((task) => [task.id, task])),
      });
      continue;
    }
    if (r.op === 'restore') {
      const { tasks, ...base } = r.snapshot;
      tenants.set(r.tenant, { base: { ...base, name: r.tenant }, tasks: new Map(tasks.map((task) => [task.id, task])) });
      continue;
    }
    if (r.op === 'drop') {
      tenants.delete(r.tenant);
      continue;
    }
    const tenant = tenants.get(r.tenant);
    if (!tenant) continue;
    if (r.op === 'put') {
      tenant.tasks.set(r.task.id, r.task);
      tenant.base.clockNow = Math.max(tenant.base.clockNow, r.task.updatedAt);
    } else if (r.op === 'clock') tenant.base.clockNow = Math.max(tenant.base.clockNow, r.now);
    else {
      tenant.base.defaultScenario = r.defaultScenario;
      tenant.base.outcomes = r.outcomes;
    }
  }
  return [...tenants.values()].map(({ base, tasks }) => ({ ...base, tasks: [...tasks.values()] }));
}
