import type { World } from '../domain/world.js';
import { createClock, type ClockMode, type ControllableClock } from '../engine/clock.js';
import type { ScenarioCatalogue } from '../engine/load-scenarios.js';
import { createScenarioEngine, type EngineSettings, type ScenarioEngine } from '../engine/scenario-engine.js';
import type { Task, TaskRecord } from '../model/task-record.js';
import type { TenantSnapshot } from './tenant-snapshot.js';
import { generateTasks } from '../fixtures/generate-tasks.js';
import type { Fixtures } from '../fixtures/parse-fixtures.js';
import { createIdSource } from '../support/ids.js';
import { createRandom } from '../support/random.js';
import { createMemoryTaskStore } from '../store/memory-task-store.js';
import { createCopyOnWriteStore, deepFreeze } from '../store/copy-on-write-store.js';
import { taskOf, type StoreObserver, type TaskStore } from '../store/task-store.js';
import { createJournal, type Journal } from './journal.js';
import type { HistoryListener } from './lifecycle-log.js';
import { createRateLimitBook, type RateLimitBook } from './rate-limit-book.js';
import type { RateLimitSettings } from './rate-limit-settings.js';
import { createFaultBook, type FaultBook } from '../faults/fault-book.js';
import { backfillWork } from '../domain/work/backfill-work.js';
import { createWorkHooks } from '../domain/work/task-work.js';
import { createWorkStore } from '../domain/work/work-store.js';
import type { BranchRecord, PullRequestRecord } from '../model/work-records.js';
import type { FaultRuleSpec } from '../faults/fault-rule.js';

export interface TenantOptions {
  name: string;
  fixtures: Fixtures;
  seed: number;
  /** Real time, in epoch ms; the only door to the machine's clock. */
  timeSource: () => number;
  clockMode: ClockMode;
  timeScale: number;
  /** Virtual start time for the clock; defaults to the real time. */
  clockStart?: number;
  catalogue: ScenarioCatalogue;
  defaultScenario: string;
  journalSize: number;
  /** A saved tenant to carry on from, instead of fresh fixture data. */
  restore?: TenantSnapshot;
  /**
   * Mixed into the tenant's id streams when it is restored or imported, so ids drawn after a
   * restart do not repeat the ones drawn before it from the same seed.
   */
  idSalt?: string;
  /** Hears every change worth saving (persistence). */
  changes?: TenantChanges;
  /** Start-up fault rules; those naming another tenant in `match.tenant` are left out. */
  faultRules?: readonly FaultRuleSpec[];
  rateLimitSettings?: RateLimitSettings;
  /** The built-in tasks of `seed`, made once and shared by every tenant of that seed until it changes something. */
  sharedFixtures?: SharedFixtures;
  /** Hears every change recorded in a task's history (the lifecycle log: tenants/lifecycle-log.ts). */
  onHistory?: HistoryListener;
}

/** The fixture tasks for one seed, generated once at `startedAt`, in a store nobody writes. */
export interface SharedFixtures {
  seed: number;
  startedAt: number;
  store: TaskStore;
}

/** Generates the built-in tasks once, for every tenant of `seed` to share (records frozen). */
export function createSharedFixtures(fixtures: Fixtures, seed: number, startedAt: number): SharedFixtures {
  const store = createMemoryTaskStore();
  for (const task of generateTasks(fixtures.plan, seed, startedAt)) store.insert(task);
  for (const task of store.all()) deepFreeze(task);
  return { seed, startedAt, store };
}

/**
 * Hears every change worth saving, each with how to undo it: a change that cannot be saved is
 * undone and the error thrown (persistence/open-persistence.ts).
 */
export interface TenantChanges {
  task(tenant: string, task: Task, undo: () => void): void;
  clock(tenant: string, now: number, undo: () => void): void;
  settings(tenant: string, settings: EngineSettings, undo: () => void): void;
  /** A pull request or branch stored or changed. */
  work(tenant: string, change: { pull?: PullRequestRecord; branch?: BranchRecord }, undo: () => void): void;
  /** Runs `fn` as one change: all of it is saved when it ends, or none of it is kept. */
  atomically<T>(fn: () => T): T;
}

/** One isolated emulator state: tasks, clock, scenario engine, journal, rate limits and fault rules. */
export interface Tenant {
  readonly name: string;
  readonly seed: number;
  /** Tenant clock time when its data was generated (fixture task times count back from it). */
  readonly startedAt: number;
  readonly world: World;
  readonly clock: ControllableClock;
  readonly engine: ScenarioEngine;
  readonly rateLimits: RateLimitBook;
  readonly journal: Journal;
  readonly faults: FaultBook;
}

export function createTenant(options: TenantOptions): Tenant {
  const { name, changes, restore } = options;
  const seed = restore?.seed ?? options.seed;
  const clockStart = restore && options.clockMode !== 'real' ? restore.clockNow : options.clockStart;
  const bareClock = createClock({ source: options.timeSource, mode: options.clockMode, scale: options.timeScale, start: clockStart });
  // Undone on the bare clock: moving it back is not a change to save.
  const clock = observeClock(bareClock, (now, before) => changes?.clock(name, now, () => bareClock.set(before)));
  // Changes are reported once the tenant stands: its initial data is the fixtures (or the snapshot).
  let live = false;
  const observer: StoreObserver | undefined = changes && {
    changing: (task) => structuredClone(taskOf(task)),
    changed: (task, before) => {
      if (!live) return;
      changes.task(name, taskOf(task), () => {
        store.revert(task, before);
        // The step the undone change had taken off the due queue waits there again.
        engine.resume([task]);
      });
    },
  };
  // The built-in tasks are shared until the tenant changes something; a snapshot or another seed
  // gives it tasks of its own from the start.
  const shared = !restore && options.sharedFixtures?.seed === seed ? options.sharedFixtures : undefined;
  const startedAt = shared ? shared.startedAt : clock.now();
  const store = shared ? createCopyOnWriteStore(shared.store, (tasks) => createMemoryTaskStore(observer, tasks)) : createMemoryTaskStore(observer);
  if (!shared) for (const task of restore?.tasks ?? generateTasks(options.fixtures.plan, seed, startedAt)) store.insert(task);
  const mixed = mixSeed(seed, options.idSalt === undefined ? name : `${name}#${options.idSalt}`);
  const ids = createIdSource(createRandom(mixed), highestPullId(restore?.tasks ?? [], restore?.work));
  const directory = options.fixtures.directory;
  const work = createWorkStore({
    directory,
    restore: restore?.work,
    now: clock.now(),
    onChange: changes ? (change, undo) => live && changes.work(name, change, undo) : undefined,
    // Every artifact resolves: generated tasks (and saved ones from before pull requests were
    // kept) get theirs, the first time their repository's work is read.
    backfill: (into, repositoryId) => backfillWork(into, directory, tasksOf(store.all(), repositoryId)),
  });
  const base = { directory, store, clock, ids, random: createRandom(mixed ^ 0x9e3779b9), work };
  const engine = createScenarioEngine({
    work: createWorkHooks({ store: work, directory, serial: ids.serial }),
    world: base,
    catalogue: options.catalogue,
    defaultScenario: restore?.defaultScenario ?? options.defaultScenario,
    outcomes: restore?.outcomes,
    onSettingsChange: changes ? (settings, before) => changes.settings(name, settings, () => engine.restoreSettings(before)) : undefined,
    atomically: changes?.atomically,
    onHistory: options.onHistory && ((task, entry) => options.onHistory!(name, task, entry)),
  });
  const world: World = { ...base, lifecycle: engine, atomically: changes ? changes.atomically : (fn) => fn() };
  if (restore) engine.resume(store.all());
  live = true;
  const rules = (options.faultRules ?? []).filter((r) => r.match?.tenant === undefined || r.match.tenant === name);
  // Faults draw from their own stream so a probability rule never shifts the ids tasks get.
  const faults = createFaultBook(createRandom(mixSeed(seed ^ 0xfa017, name)), rules);
  const rateLimits = createRateLimitBook(clock, options.rateLimitSettings);
  return { name, seed, startedAt, world, clock, engine, rateLimits, journal: createJournal(options.journalSize), faults };
}

/** The tenant clock, reporting every deliberate move (advance, set) to `moved`, with where it was. */
function observeClock(clock: ControllableClock, moved: (now: number, before: number) => void): ControllableClock {
  const move = (to: () => number) => {
    const before = clock.now();
    const now = to();
    moved(now, before);
    return now;
  };
  return {
    mode: clock.mode,
    scale: clock.scale,
    now: clock.now,
    advance: (ms) => move(() => clock.advance(ms)),
    set: (epochMs) => move(() => clock.set(epochMs)),
  };
}

/** What a tenant would save now: its clock, engine settings and every task. */
export function snapshotTenant(tenant: Tenant): TenantSnapshot {
  const settings = tenant.engine.settings();
  return {
    name: tenant.name,
    seed: tenant.seed,
    clockNow: tenant.clock.now(),
    defaultScenario: settings.defaultScenario,
    outcomes: settings.outcomes,
    tasks: [...tenant.world.store.all()].map(taskOf),
    work: tenant.world.work.snapshot(),
  };
}

/** Made-up pull request ids continue above the highest one already stored (a draft pull request has no artifact yet). */
function highestPullId(tasks: readonly Task[], work?: { pulls: readonly PullRequestRecord[] }): number | undefined {
  let highest: number | undefined;
  for (const t of tasks) for (const a of t.artifacts) if (a.type === 'pull' && (highest === undefined || a.data.id > highest)) highest = a.data.id;
  for (const p of work?.pulls ?? []) if (highest === undefined || p.id > highest) highest = p.id;
  return highest;
}

function* tasksOf(tasks: Iterable<TaskRecord>, repositoryId: number): Iterable<TaskRecord> {
  for (const t of tasks) if (t.repositoryId === repositoryId) yield t;
}

/** Distinct, repeatable id streams per tenant from one seed (FNV-1a over the name). */
function mixSeed(seed: number, name: string): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
