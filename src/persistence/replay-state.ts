import type { Task } from '../model/task-record.js';
import type { LogRecord, StateSnapshot, TenantSnapshot } from './state-records.js';
import type { BranchRecord, PullRequestRecord } from '../model/work-records.js';

/** A tenant's pull requests (by id) and branches (by repository and name) while the log is replayed. */
interface WorkReplay {
  pulls: Map<number, PullRequestRecord>;
  branches: Map<string, BranchRecord>;
}
const branchKey = (b: BranchRecord) => `${b.repositoryId}\u0000${b.name}`;
const workOf = (snapshot: TenantSnapshot): WorkReplay | undefined =>
  snapshot.work && { pulls: new Map(snapshot.work.pulls.map((p) => [p.id, p])), branches: new Map(snapshot.work.branches.map((b) => [branchKey(b), b])) };

export interface ReplayContext {
  /** The fixture tasks a tenant created fresh with this seed at this time would have. */
  regenerate(seed: number, start: number): Task[];
  defaultScenario: string;
}

/** The snapshot with the log's changes applied in order: the state to restore, by tenant. */
export function replayState(snapshot: StateSnapshot | undefined, records: readonly LogRecord[], context: ReplayContext): TenantSnapshot[] {
  const tenants = new Map<string, { base: Omit<TenantSnapshot, 'tasks' | 'work'>; tasks: Map<string, Task>; work?: WorkReplay }>();
  for (const t of snapshot?.tenants ?? []) {
    const { tasks, work: _, ...base } = t;
    tenants.set(t.name, { base, tasks: new Map(tasks.map((task) => [task.id, task])), work: workOf(t) });
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
      const { tasks, work: _, ...base } = r.snapshot;
      tenants.set(r.tenant, { base: { ...base, name: r.tenant }, tasks: new Map(tasks.map((task) => [task.id, task])), work: workOf(r.snapshot) });
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
    } else if (r.op === 'work') {
      // A fresh tenant's work is rebuilt from its tasks at start; changes after that are replayed over it.
      const work = (tenant.work ??= { pulls: new Map(), branches: new Map() });
      if (r.pull) work.pulls.set(r.pull.id, r.pull);
      if (r.branch) work.branches.set(branchKey(r.branch), r.branch);
    } else if (r.op === 'clock') tenant.base.clockNow = Math.max(tenant.base.clockNow, r.now);
    else {
      tenant.base.defaultScenario = r.defaultScenario;
      tenant.base.outcomes = r.outcomes;
    }
  }
  return [...tenants.values()].map(({ base, tasks, work }) => ({
    ...base,
    tasks: [...tasks.values()],
    ...(work ? { work: { pulls: [...work.pulls.values()], branches: [...work.branches.values()] } } : {}),
  }));
}
