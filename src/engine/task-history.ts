import type { Artifact, TaskRecord, TaskState } from '../model/task-record.js';
import type { ChosenBy, HistoryCause, HistoryEntry } from '../model/task-history.js';

export type { ChosenBy, HistoryCause, HistoryEntry } from '../model/task-history.js';

/**
 * Entries kept per task: the first (how it was created and why it follows its scenario) and the
 * latest ones. A task followed up a thousand times would otherwise grow without end.
 */
export const HISTORY_LIMIT = 50;

/**
 * Appends to the task's history, replacing the array (as sessions are: engine/apply-step.ts), and
 * drops the oldest entry but the first once past the limit, counting what was dropped.
 */
export function recordHistory(task: TaskRecord, entry: HistoryEntry, limit = HISTORY_LIMIT): void {
  const history = task.history ?? [];
  if (history.length < limit) {
    task.history = history.concat(entry);
    return;
  }
  task.history = [history[0]!, ...history.slice(2), entry];
  task.historyDropped = (task.historyDropped ?? 0) + 1;
}

/** The artifact a change added, if it added one. */
export function producedBy(before: readonly Artifact[], after: readonly Artifact[]): Artifact | undefined {
  return after.length > before.length ? after[after.length - 1] : undefined;
}

/** A cause in a few words, for people: the dashboard's timeline and the log. */
export function describeCause(c: HistoryCause): string {
  const step = (n: number | undefined) => (n === undefined ? '' : ` step ${n + 1}`);
  switch (c.kind) {
    case 'created':
      return c.scenario ? `created; follows ${c.scenario} (chosen by ${c.chosenBy ?? 'unknown'})` : 'created';
    case 'scenario_step':
      return `${c.scenario}${step(c.step)} fell due on the clock`;
    case 'poll':
      return `${c.scenario}${step(c.step)}: a client read the task`;
    case 'answer':
      return c.scenario ? `answered (${c.scenario}${step(c.step)})` : 'answered';
    case 'follow_up':
      return `follow-up; runs ${c.scenario} again`;
    case 'control':
      return c.lever === 'load' ? 'loaded through the control API' : `control API: ${c.lever}`;
  }
}
