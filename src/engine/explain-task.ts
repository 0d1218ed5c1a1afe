import type { TaskRecord, TaskState } from '../model/task-record.js';
import type { ControllableClock } from './clock.js';
import type { ScenarioCatalogue } from './load-scenarios.js';
import type { ChosenBy, HistoryEntry } from './task-history.js';

/** What the task waits for next, in words and in data: the answer to "why is it still queued?". */
export interface TaskOutlook {
  scenario: string | null;
  /** Why it follows that scenario (null for generated or hand-placed tasks). */
  chosenBy: ChosenBy | null;
  next:
    | { state: TaskState; trigger: 'after'; dueAt: number; inMs: number }
    | { state: TaskState; trigger: 'after_reads'; reads: number; of: number }
    | { state: TaskState; trigger: 'on_answer' }
    | null;
  /** One sentence a person can read. */
  waitingFor: string;
}

export function explainTask(task: TaskRecord, catalogue: ScenarioCatalogue, clock: ControllableClock): TaskOutlook {
  const created = task.history?.[0];
  const chosenBy = created?.cause.kind === 'created' ? (created.cause.chosenBy ?? null) : null;
  const p = task.progress;
  const scenario = p ? (p.scenario ?? null) : (createdScenario(created) ?? null);
  const step = p ? catalogue.get(p.scenario)?.steps[p.step] : undefined;
  if (!p || !step) {
    const why = p ? `its scenario ${p.scenario} has ended` : scenario ? 'it left its scenario (moved by hand)' : 'nothing scripts it (a generated or loaded task)';
    return { scenario, chosenBy, next: null, waitingFor: `Nothing: ${why}; it stays ${task.state} until moved through the control API.` };
  }
  const now = clock.now();
  switch (step.trigger.kind) {
    case 'after': {
      const dueAt = p.dueAt ?? p.since + step.trigger.ms;
      const inMs = Math.max(0, dueAt - now);
      const frozen = clock.mode === 'manual' ? ' The clock is manual (frozen): advance it to get there.' : '';
      return {
        scenario,
        chosenBy,
        next: { state: step.state, trigger: 'after', dueAt, inMs },
        waitingFor: `The clock: step ${p.step + 1} of ${p.scenario} moves it to ${step.state} at ${new Date(dueAt).toISOString()} (${formatMs(inMs)} from now on the tenant clock).${frozen}`,
      };
    }
    case 'reads':
      return {
        scenario,
        chosenBy,
        next: { state: step.state, trigger: 'after_reads', reads: p.reads, of: step.trigger.count },
        waitingFor: `Reads: step ${p.step + 1} of ${p.scenario} moves it to ${step.state} on its read number ${step.trigger.count} (${p.reads} so far).`,
      };
    case 'answer':
      return {
        scenario,
        chosenBy,
        next: { state: step.state, trigger: 'on_answer' },
        waitingFor: `An answer: POST /_emulator/tasks/${task.id}/answer moves it to ${step.state} (step ${p.step + 1} of ${p.scenario}).`,
      };
  }
}

function createdScenario(entry: HistoryEntry | undefined): string | undefined {
  return entry?.cause.kind === 'created' ? entry.cause.scenario : undefined;
}

/** 90500 -> "1m 30.5s". */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const parts: string[] = [];
  let rest = ms / 1000;
  for (const [unit, size] of [['d', 86400], ['h', 3600], ['m', 60]] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  if (rest > 0) parts.push(`${Math.round(rest * 10) / 10}s`);
  return parts.join(' ');
}
