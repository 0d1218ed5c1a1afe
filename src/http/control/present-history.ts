import type { TaskRecord } from '../../model/task-record.js';
import type { ControllableClock } from '../../engine/clock.js';
import { explainTask } from '../../engine/explain-task.js';
import type { ScenarioCatalogue } from '../../engine/load-scenarios.js';
import type { HistoryCause, HistoryEntry } from '../../engine/task-history.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** A cause in the control API's snake_case. */
export function presentCause(cause: HistoryCause): Record<string, unknown> {
  const { kind, ...rest } = cause;
  const out: Record<string, unknown> = { kind };
  for (const [key, value] of Object.entries(rest)) if (value !== undefined) out[key === 'chosenBy' ? 'chosen_by' : key] = value;
  return out;
}

export function presentHistoryEntry(entry: HistoryEntry): Record<string, unknown> {
  return {
    at: iso(entry.at),
    from: entry.from,
    to: entry.to,
    sessions: entry.sessions,
    cause: presentCause(entry.cause),
    ...(entry.produced ? { produced: entry.produced } : {}),
  };
}

/** GET /_emulator/tasks/{id}/history: the changes, the scenario and why, and what comes next. */
export function presentHistory(task: TaskRecord, catalogue: ScenarioCatalogue, clock: ControllableClock): Record<string, unknown> {
  const outlook = explainTask(task, catalogue, clock);
  const next = outlook.next;
  return {
    task_id: task.id,
    state: task.state,
    archived: task.archivedAt !== null,
    scenario: outlook.scenario,
    chosen_by: outlook.chosenBy,
    clock: { now: iso(clock.now()), mode: clock.mode },
    next:
      next === null
        ? null
        : next.trigger === 'after'
          ? { state: next.state, trigger: 'after', due_at: iso(next.dueAt), in_ms: next.inMs }
          : next.trigger === 'after_reads'
            ? { state: next.state, trigger: 'after_reads', reads: next.reads, of: next.of }
            : { state: next.state, trigger: 'on_answer' },
    waiting_for: outlook.waitingFor,
    dropped: task.historyDropped ?? 0,
    entries: (task.history ?? []).map(presentHistoryEntry),
  };
}
