import type { Fixtures } from '../fixtures/parse-fixtures.js';
import { generateTasks } from '../fixtures/generate-tasks.js';
import type { World } from '../domain/world.js';
import { createClock, type ClockMode, type ControllableClock } from '../engine/clock.js';
import { staticLifecycle, type Lifecycle } from '../engine/lifecycle.js';
import { createIdSource } from '../support/ids.js';
import { createRandom } from '../support/random.js';
import { createMemoryTaskStore } from '../store/memory-task-store.js';
import { createRateLimitBook, type RateLimitBook } from './rate-limit-book.js';
import type { RateLimitSettings } from './rate-limit-settings.js';
import { createFaultBook, type FaultBook } from '../faults/fault-book.js';
import type { FaultRuleSpec } from '../faults/fault-rule.js';

export interface TenantOptions {
  name: string;
  fixtures: Fixtures;
  seed: number;
  /** Real time, in epoch ms; the only door to the machine's clock. */
  timeSource: () => number;
  clockMode: ClockMode;
  timeScale: number;
  /** Virtual start time for a manual or scaled clock; defaults to the real time. */
  clockStart?: number;
  /** Builds the tenant's lifecycle engine; the default leaves tasks where they are. */
  createLifecycle?: (world: Omit<World, 'lifecycle'>) => Lifecycle;
  /** Start-up fault rules; those naming another tenant in `match.tenant` are left out. */
  faultRules?: readonly FaultRuleSpec[];
  rateLimitSettings?: RateLimitSettings;
}

/** One isolated emulator state: tasks, clock, ids, rate limits and fault rules. */
export interface Tenant {
  readonly name: string;
  readonly world: World;
  readonly clock: ControllableClock;
  readonly rateLimits: RateLimitBook;
  readonly faults: FaultBook;
}

export function createTenant(options: TenantOptions): Tenant {
  const clock = createClock({ source: options.timeSource, mode: options.clockMode, scale: options.timeScale, start: options.clockStart });
  const store = createMemoryTaskStore();
  const ids = createIdSource(createRandom(mixSeed(options.seed, options.name)));
  const base = { directory: options.fixtures.directory, store, clock, ids };
  const world: World = { ...base, lifecycle: options.createLifecycle?.(base) ?? staticLifecycle };
  for (const task of generateTasks(options.fixtures.plan, options.seed, clock.now())) store.insert(task);
  const rules = (options.faultRules ?? []).filter((r) => r.match?.tenant === undefined || r.match.tenant === options.name);
  // Faults draw from their own stream so a probability rule never shifts the ids tasks get.
  const faults = createFaultBook(createRandom(mixSeed(options.seed ^ 0xfa017, options.name)), rules);
  return { name: options.name, world, clock, rateLimits: createRateLimitBook(clock, options.rateLimitSettings), faults };
}

/** Distinct, repeatable id streams per tenant from one seed (FNV-1a over the name). */
function mixSeed(seed: number, name: string): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
