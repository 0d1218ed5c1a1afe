import type { Hono } from 'hono';
import { createApp, type AppConfig } from './app.js';
import type { ClockMode } from './engine/clock.js';
import type { Lifecycle } from './engine/lifecycle.js';
import type { World } from './domain/world.js';
import { loadFixtures } from './fixtures/load-fixtures.js';
import type { Fixtures } from './fixtures/parse-fixtures.js';
import type { ApiEnv } from './http/env.js';
import { loadAgentTasksSpec } from './load-spec.js';
import { createIdSource } from './support/ids.js';
import { createRandom } from './support/random.js';
import { createTenant } from './tenants/tenant.js';
import { createTenantRegistry, type TenantRegistry } from './tenants/tenant-registry.js';
import { parseFaultRulesDocument } from './faults/check-fault-rule.js';
import { loadFaultRules } from './faults/load-fault-rules.js';
import type { FaultRuleSpec } from './faults/fault-rule.js';
import { applySettingsPatch, DEFAULT_RATE_LIMIT_SETTINGS, type RateLimitSettingsPatch } from './tenants/rate-limit-settings.js';

export const DEFAULT_SEED = 42;

export interface EmulatorOptions extends Partial<AppConfig> {
  seed?: number;
  /** Parsed fixtures; by default the built-in set (or `fixturesDir`). */
  fixtures?: Fixtures;
  fixturesDir?: string;
  /** Real time source in epoch ms (tests inject their own). */
  timeSource?: () => number;
  clockMode?: ClockMode;
  timeScale?: number;
  clockStart?: number;
  createLifecycle?: (world: Omit<World, 'lifecycle'>) => Lifecycle;
  logError?: (error: unknown) => void;
  /** Fault rules every tenant starts with (docs/faults.md); none by default. */
  faultRules?: FaultRuleSpec[];
  /** A YAML or JSON rules file, loaded after `faultRules`; a bad file throws FaultRuleError. */
  faultRulesFile?: string;
  /** How rate limits answer, for every tenant (GitHub's defaults otherwise). */
  rateLimits?: RateLimitSettingsPatch;
  /** Waits out injected latency (default: real time). */
  sleep?: (ms: number) => Promise<void>;
}

export interface Emulator {
  app: Hono<ApiEnv>;
  tenants: TenantRegistry;
  config: AppConfig;
}

/** The composition root: everything createApp needs, from options with defaults. */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const seed = options.seed ?? DEFAULT_SEED;
  const fixtures = options.fixtures ?? loadFixtures(options.fixturesDir);
  const timeSource = options.timeSource ?? Date.now;
  const fromOption = parseFaultRulesDocument({ faults: options.faultRules ?? [] }, 'faultRules option');
  const fromFile = options.faultRulesFile ? loadFaultRules(options.faultRulesFile) : [];
  // Checked together too, so an id used in both places is reported rather than silently dropped.
  const faultRules = parseFaultRulesDocument({ faults: [...fromOption, ...fromFile] }, 'faultRules option and faultRulesFile');
  const rateLimitSettings = applySettingsPatch(DEFAULT_RATE_LIMIT_SETTINGS, options.rateLimits);
  const tenants = createTenantRegistry({
    create: (name) =>
      createTenant({
        name,
        fixtures,
        seed,
        timeSource,
        clockMode: options.clockMode ?? 'real',
        timeScale: options.timeScale ?? 1,
        clockStart: options.clockStart,
        createLifecycle: options.createLifecycle,
        faultRules,
        rateLimitSettings,
      }),
  });
  const config: AppConfig = {
    baseUrl: options.baseUrl,
    webBaseUrl: options.webBaseUrl ?? 'https://github.com',
    linkStyle: options.linkStyle ?? 'description',
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
  };
  const app = createApp({
    config,
    tenants,
    ids: createIdSource(createRandom(seed ^ 0x5eed)),
    spec: loadAgentTasksSpec(),
    logError: options.logError,
    sleep: options.sleep,
  });
  return { app, tenants, config };
}
