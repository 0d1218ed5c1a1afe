import type { TaskRecord, TaskState } from '../model/task-record.js';
import type { TaskStore } from '../store/task-store.js';
import type { IdSource } from '../support/ids.js';
import type { Random } from '../support/random.js';
import type { Clock } from './clock.js';
import { moveSession, openSession, type StepTools } from './apply-step.js';
import type { WorkHooks } from './work-hooks.js';
import { chooseScenario } from './choose-scenario.js';
import { DueQueue } from './due-queue.js';
import type { Lifecycle, StartHints, StartResult } from './lifecycle.js';
import type { ScenarioCatalogue } from './load-scenarios.js';
import type { ScenarioStep } from './scenario.js';
import { TRANSITIONS, canMove, isTerminal, refusal } from './state-machine.js';
import { producedBy, recordHistory, type HistoryCause, type HistoryEntry } from './task-history.js';

export type EngineResult = { ok: true; task: TaskRecord } | { ok: false; reason: 'not_found' | 'conflict'; message: string };

/** The lifecycle engine of one tenant, plus the levers the control API pulls. */
export interface ScenarioEngine extends Lifecycle {
  readonly catalogue: ScenarioCatalogue;
  defaultScenario(): string;
  setDefaultScenario(name: string): boolean;
  /** Queue scenarios for the next tasks created, first in first out. */
  queueOutcomes(names: readonly string[]): { ok: true } | { ok: false; unknown: string[] };
  outcomes(): string[];
  clearOutcomes(): void;
  /** Move by hand: the task leaves its scenario and stays where it is put. `lever` names it in the history. */
  move(taskId: string, to: TaskState, lever?: 'move' | 'cancel'): EngineResult;
  /** Answer a task waiting for the user (or idle): a new session, and the scenario goes on. */
  answer(taskId: string, prompt: string): EngineResult;
  /** A follow-up on a finished task: a new session that runs its scenario again. */
  followUp(taskId: string, prompt: string): EngineResult;
  setArchived(taskId: string, archived: boolean): EngineResult;
  /**
   * Ready a loaded task (not yet stored): put it in `state` along a legal path, or start it on a
   * scenario. Returns a reason when neither is possible.
   */
  adopt(task: TaskRecord, how: { state?: TaskState; scenario?: string }): string | undefined;
  /** Why `adopt` would refuse `how`, asked before anything is made; undefined when it would not. */
  adoptRefusal(how: { state?: TaskState; scenario?: string }): string | undefined;
  /** Steps waiting on the clock (stale entries included), for diagnostics. */
  pending(): number;
  /** When the earliest step waiting on the clock falls due (the dashboard's "to next due step"). */
  nextDueAt(): number | undefined;
  settings(): EngineSettings;
  /** Put the default scenario and the outcome queue back as they were (a change that was not saved). */
  restoreSettings(settings: EngineSettings): void;
  /** Put restored tasks' next steps back on the due queue. */
  resume(tasks: Iterable<TaskRecord>): void;
}

export interface EngineSettings {
  defaultScenario: string;
  outcomes: string[];
}

/** What the engine acts on: a tenant's tasks, clock and id and random streams. */
export interface EngineWorld {
  store: TaskStore;
  clock: Clock;
  ids: IdSource;
  random: Random;
}

export interface ScenarioEngineOptions {
  world: EngineWorld;
  catalogue: ScenarioCatalogue;
  defaultScenario: string;
  /** Outcomes still queued (when restoring a saved tenant). */
  outcomes?: string[];
  /** Hears every change of the default scenario or the outcome queue, with the settings before it. */
  onSettingsChange?: (settings: EngineSettings, before: EngineSettings) => void;
  /** What the agent does in the repository as tasks move (pull requests, branches). */
  work?: WorkHooks;
  /**
   * Runs one change of a task, and what the agent does in its repository with it, as one: kept
   * together or, when saving fails, not at all (World.atomically). Each at once by default.
   */
  atomically?: <T>(fn: () => T) => T;
  /** Hears every change recorded in a task's history, once the change is made (logs). */
  onHistory?: (task: TaskRecord, entry: HistoryEntry) => void;
}

export function createScenarioEngine(options: ScenarioEngineOptions): ScenarioEngine {
  const { world, catalogue } = options;
  const { store, clock } = world;
  const tools: StepTools = { ids: world.ids, random: world.random, work: options.work };
  const due = new DueQueue<TaskRecord>();
  const outcomeQueue: string[] = [...(options.outcomes ?? [])];
  let defaultScenario = options.defaultScenario;
  const current = (): EngineSettings => ({ defaultScenario, outcomes: [...outcomeQueue] });
  /** Makes a settings change and reports it. */
  const changeSettings = (change: () => void) => {
    const before = current();
    change();
    options.onSettingsChange?.(current(), before);
  };

  const stepOf = (task: TaskRecord): ScenarioStep | undefined => {
    const p = task.progress;
    return p ? catalogue.get(p.scenario)?.steps[p.step] : undefined;
  };

  /**
   * Plan the step the task now waits for: time steps go on the queue, with their jitter drawn
   * once and kept on the record (so a restored task keeps its due time); others wait for events.
   */
  const plan = (task: TaskRecord) => {
    const step = stepOf(task);
    const progress = task.progress;
    if (step?.trigger.kind !== 'after' || !progress) return;
    if (progress.dueAt === undefined) {
      const { ms, jitter } = step.trigger;
      const spread = jitter > 0 ? 1 + jitter * (2 * world.random.next() - 1) : 1;
      progress.dueAt = progress.since + Math.round(ms * spread);
    }
    due.push(progress.dueAt, task, progress.step);
  };

  /** Changes a record the engine took from the store (the store numbers the change). */
  const atomically = options.atomically ?? ((fn) => fn());
  const change = (task: TaskRecord, mutate: (task: TaskRecord) => void): TaskRecord => atomically(() => store.update(task.id, mutate)) ?? task;

  /** Apply the task's current step at `at` and plan the next one. */
  /** Returns the record as changed (a tenant's own copy of a shared one, the first time). */
  const happen = (task: TaskRecord, at: number, prompt?: string): TaskRecord =>
    changeRecorded(task, at, (t) => stepCause(t, catalogue), (t) => {
      const step = stepOf(t)!;
      if (step.newSession) {
        openSession(t, step.state === 'queued' ? 'queued' : 'in_progress', at, prompt ?? step.newSession.prompt ?? 'Follow-up', tools);
      } else moveSession(t, step.state, at, step, tools);
      // Advanced in place; persistence writes the record out before the next change.
      const progress = t.progress!;
      progress.step++;
      progress.since = at;
      progress.reads = 0;
      progress.dueAt = undefined;
      plan(t);
    });

  /**
   * A step fell due: applied unless the task has moved on since it was planned, or was planned but
   * never stored (a control-API load refused after it was readied).
   */
  const settleOne = (task: TaskRecord, step: number, at: number) => {
    if (!store.has(task) || !task.progress || task.progress.step !== step || stepOf(task)?.trigger.kind !== 'after') return;
    happen(task, at);
  };

  /** What every lever does first: bring the tenant up to date, then find the task or say it is not there. */
  const onTask = (taskId: string, act: (task: TaskRecord) => EngineResult): EngineResult => {
    engine.settle();
    const task = store.get(taskId);
    return task ? act(task) : { ok: false, reason: 'not_found', message: 'Not Found' };
  };
  const conflict = (message: string): EngineResult => ({ ok: false, reason: 'conflict', message });

  /**
   * Makes a change of the task through the store and records it in the task's history with its
   * cause (engine/task-history.ts); the change's listener hears it once it is made.
   */
  const changeRecorded = (task: TaskRecord, at: number, cause: (t: TaskRecord) => HistoryCause, mutate: (t: TaskRecord) => void): TaskRecord => {
    let entry: HistoryEntry | undefined;
    const changed = change(task, (t) => {
      const from = t.state;
      const artifacts = t.artifacts;
      const why = cause(t);
      mutate(t);
      entry = { at, from, to: t.state, sessions: t.sessions.length, cause: why };
      const produced = producedBy(artifacts, t.artifacts);
      if (produced) entry.produced = produced;
      recordHistory(t, entry);
    });
    if (entry) options.onHistory?.(changed, entry);
    return changed;
  };
  /** Records the creation of a task not yet stored, and tells the listener once it is. */
  const recordCreation = (task: TaskRecord, cause: HistoryCause) => {
    const entry: HistoryEntry = { at: task.createdAt, from: null, to: task.state, sessions: task.sessions.length, cause };
    recordHistory(task, entry);
    return entry;
  };

  const engine: ScenarioEngine = {
    catalogue,
    settle() {
      due.drainDue(clock.now(), settleOne);
    },
    start(task: TaskRecord, hints: StartHints): StartResult {
      const choice = chooseScenario({ queued: outcomeQueue[0], prompt: task.sessions[0]?.prompt ?? '', hints, defaultScenario, catalogue });
      if (!choice.ok) return choice;
      if (choice.from === 'queued outcome') changeSettings(() => outcomeQueue.shift());
      // Every progress record is made with its dueAt slot, which plan() fills: a member added
      // later would go to a separate property array, one more object per step of every task.
      task.progress = { scenario: choice.scenario, step: 0, since: task.createdAt, reads: 0, dueAt: undefined };
      plan(task);
      // Not in the listener's call: `?.()` would skip recording too when nobody listens.
      const created = recordCreation(task, { kind: 'created', scenario: choice.scenario, chosenBy: choice.from });
      options.onHistory?.(task, created);
      return { ok: true };
    },
    read(task) {
      const step = stepOf(task);
      if (step?.trigger.kind !== 'reads') return;
      const reads = task.progress!.reads + 1;
      if (reads >= step.trigger.count) happen(task, clock.now());
      else change(task, (t) => (t.progress!.reads = reads));
    },
    defaultScenario: () => defaultScenario,
    setDefaultScenario(name) {
      if (!catalogue.has(name)) return false;
      changeSettings(() => (defaultScenario = name));
      return true;
    },
    queueOutcomes(names) {
      const unknown = names.filter((n) => !catalogue.has(n));
      if (unknown.length > 0) return { ok: false, unknown };
      changeSettings(() => outcomeQueue.push(...names));
      return { ok: true };
    },
    outcomes: () => [...outcomeQueue],
    clearOutcomes() {
      changeSettings(() => (outcomeQueue.length = 0));
    },
    move: (taskId, to, lever = 'move') =>
      onTask(taskId, (task) => {
        if (!canMove(task.state, to)) return conflict(refusal(task.state, to));
        const now = clock.now();
        const moved = changeRecorded(task, now, () => ({ kind: 'control', lever }), (t) => {
          moveSession(t, to, now, {}, tools);
          t.progress = undefined;
        });
        return { ok: true, task: moved };
      }),
    answer: (taskId, prompt) =>
      onTask(taskId, (task) => {
        if (task.state !== 'waiting_for_user' && task.state !== 'idle') {
          return conflict(`Only a task waiting_for_user or idle can be answered; this one is ${task.state}`);
        }
        const now = clock.now();
        const answered =
          stepOf(task)?.trigger.kind === 'answer'
            ? happen(task, now, prompt)
            : changeRecorded(task, now, () => ({ kind: 'answer' }), (t) => openSession(t, 'in_progress', now, prompt, tools));
        return { ok: true, task: answered };
      }),
    followUp: (taskId, prompt) =>
      onTask(taskId, (task) => {
        if (!isTerminal(task.state)) return conflict(`A follow-up needs a finished task; this one is ${task.state} (answer it instead)`);
        const now = clock.now();
        const scenario = task.progress?.scenario ?? defaultScenario;
        const updated = changeRecorded(task, now, () => ({ kind: 'follow_up', scenario }), (t) => {
          openSession(t, 'queued', now, prompt, tools);
          t.progress = { scenario, step: 0, since: now, reads: 0, dueAt: undefined };
          plan(t);
        });
        return { ok: true, task: updated };
      }),
    setArchived: (taskId, archived) =>
      onTask(taskId, (task) => {
        const now = clock.now();
        const changed = changeRecorded(task, now, () => ({ kind: 'control', lever: archived ? 'archive' : 'unarchive' }), (t) => {
          t.archivedAt = archived ? (t.archivedAt ?? now) : null;
          t.updatedAt = now;
        });
        return { ok: true, task: changed };
      }),
    adoptRefusal(how) {
      if (how.scenario === undefined) return undefined;
      if (!catalogue.has(how.scenario)) return `unknown scenario ${how.scenario}`;
      if (how.state !== undefined && how.state !== 'queued') return 'a task loaded with a scenario starts queued';
      return undefined;
    },
    adopt(task, how) {
      const refused = engine.adoptRefusal(how);
      if (refused) return refused;
      if (how.scenario !== undefined) {
        task.progress = { scenario: how.scenario, step: 0, since: task.createdAt, reads: 0, dueAt: undefined };
        plan(task);
        recordCreation(task, { kind: 'created', scenario: how.scenario, chosenBy: 'control load' });
        return undefined;
      }
      const path = pathTo(how.state ?? 'queued');
      for (const state of path) moveSession(task, state, task.createdAt, {}, tools);
      recordCreation(task, { kind: 'control', lever: 'load' });
      return undefined;
    },
    pending: () => due.size,
    nextDueAt: () => due.peek((task, step) => task.seq === 0 || task.progress?.step !== step || stepOf(task)?.trigger.kind !== 'after')?.at,
    settings: current,
    restoreSettings(settings) {
      defaultScenario = settings.defaultScenario;
      outcomeQueue.splice(0, outcomeQueue.length, ...settings.outcomes);
    },
    resume(tasks) {
      for (const task of tasks) if (task.progress) plan(task);
    },
  };
  return engine;
}

/** The shortest legal path from queued to `target` (breadth-first over the transition table). */
export function pathTo(target: TaskState): TaskState[] {
  const previous = new Map<TaskState, TaskState>();
  const queue: TaskState[] = ['queued'];
  while (queue.length > 0) {
    const state = queue.shift()!;
    if (state === target) break;
    for (const next of TRANSITIONS[state]) {
      if (next !== 'queued' && !previous.has(next)) {
        previous.set(next, state);
        queue.push(next);
      }
    }
  }
  const path: TaskState[] = [];
  for (let s: TaskState | undefined = target; s !== undefined && s !== 'queued'; s = previous.get(s)) path.unshift(s);
  return path;
}

/** Why the task's current step happens: its trigger, named with the scenario and step. */
function stepCause(task: TaskRecord, catalogue: ScenarioCatalogue): HistoryCause {
  const { scenario, step } = task.progress!;
  const trigger = catalogue.get(scenario)?.steps[step]?.trigger.kind;
  if (trigger === 'reads') return { kind: 'poll', scenario, step };
  if (trigger === 'answer') return { kind: 'answer', scenario, step };
  return { kind: 'scenario_step', scenario, step };
}
