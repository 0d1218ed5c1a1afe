import type { World } from '../domain/world.js';
import { createClock, type ClockMode, type ControllableClock } from '../engine/clock.js';
import type { ScenarioCatalogue } from '../engine/load-scenarios.js';
import { createScenarioEngine, type ScenarioEngine } from '../engine/scenario-engine.js';
import { generateTasks } from '../fixtures/generate-tasks.js';
import type { Fixtures } from '../fixtures/parse-fixtures.js';
import { createIdSource } from '../support/ids.js';
import { createRandom } from '../support/random.js';
import { createMemoryTaskStore } from '../store/memory-task-store.js';
import { createJournal, type Journal } from './journal.js';
import { createRateLimitBook, type RateLimitBook } from './rate-limit-book.js';

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
}

/** One isolated emulator state: tasks, clock, scenario engine, journal and rate-limit windows. */
export interface Tenant {
  readonly name: string;
  readonly world: World;
  readonly clock: ControllableClock;
  readonly engine: ScenarioEngine;
  readonly rateLimits: RateLimitBook;
  readonly journal: Journal;
}

export function createTenant(options: TenantOptions): Tenant {
  const clock = createClock({ source: options.timeSource, mode: options.clockMode, scale: options.timeScale, start: options.clockStart });
  const store = createMemoryTaskStore();
  const seed = mixSeed(options.seed, options.name);
  const base = { directory: options.fixtures.directory, store, clock, ids: createIdSource(createRandom(seed)), random: createRandom(seed ^ 0x9e3779b9) };
  const engine = createScenarioEngine({ world: base, catalogue: options.catalogue, defaultScenario: options.defaultScenario });
  const world: World = { ...base, lifecycle: engine };
  for (const task of generateTasks(options.fixtures.plan, options.seed, clock.now())) store.insert(task);
  return { name: options.name, world, clock, engine, rateLimits: createRateLimitBook(clock), journal: createJournal(options.journalSize) };
}

/** Distinct, repeatable id streams per tenant from one seed (FNV-1a over the name). */
function mixSeed(seed: number, name: string): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
