import type { Hono } from 'hono';
import { createApp, type AppConfig } from './app.js';
import type { ClockMode } from './engine/clock.js';
import { loadScenarios, type ScenarioCatalogue } from './engine/load-scenarios.js';
import { ScenarioError } from './engine/parse-scenario.js';
import { loadFixtures } from './fixtures/load-fixtures.js';
import type { Fixtures } from './fixtures/parse-fixtures.js';
import type { ApiEnv } from './http/shared/env.js';
import { loadAgentTasksSpec, loadControlDescription } from './load-spec.js';
import { requestLog } from './http/middleware/request-log.js';
import { createIdSource } from './support/ids.js';
import { createLogger, errorFields, processSink, type LogLevel, type LogSink } from './support/logger.js';
import type { LogFormat } from './support/pretty-log-line.js';
import { logLifecycle } from './tenants/lifecycle-log.js';
import { createRandom } from './support/random.js';
import { createSharedFixtures, createTenant } from './tenants/tenant.js';
import { generateTasks } from './fixtures/generate-tasks.js';
import { openPersistence } from './persistence/open-persistence.js';
import type { StateFileSystem } from './persistence/state-file-system.js';
import { StateWriteError, type StateFileBroken } from './persistence/state-write-errors.js';
import { createTenantRegistry, type TenantRegistry } from './tenants/tenant-registry.js';
import { parseFaultRulesDocument } from './faults/check-fault-rule.js';
import { loadFaultRules } from './faults/load-fault-rules.js';
import type { FaultRuleSpec } from './faults/fault-rule.js';
import { applySettingsPatch, DEFAULT_RATE_LIMIT_SETTINGS, type RateLimitSettingsPatch } from './tenants/rate-limit-settings.js';
import { checkOptionNames, checkOptionValues, EMULATOR_OPTION_NAMES } from './check-emulator-options.js';

export const DEFAULT_SEED = 42;
export const DEFAULT_SCENARIO = 'happy-path';

export interface EmulatorOptions extends Partial<AppConfig> {
  seed?: number;
  /** Parsed fixtures; by default the built-in set (or `fixturesDir`). */
  fixtures?: Fixtures;
  fixturesDir?: string;
  /** Real time source in epoch ms (tests inject their own). */
  timeSource?: () => number;
  /** 'real' (the default, or 'scaled' when timeScale is given), 'scaled' or 'manual'. */
  clockMode?: ClockMode;
  /** Virtual seconds per real second; only with clockMode 'scaled' (default 1). */
  timeScale?: number;
  clockStart?: number;
  /** Scenario catalogue; by default the built-in scenarios plus `scenarioDirs`. */
  scenarios?: ScenarioCatalogue;
  scenarioDirs?: string[];
  /** Scenario a task follows when nothing else picks one (default: happy-path). */
  defaultScenario?: string;
  /** Requests kept in each tenant's journal (default 1000). */
  journalSize?: number;
  /** Keep tasks, tenants and clocks in this file across restarts (docs/persistence.md). */
  stateFile?: string;
  /** Where start-up warnings go (a torn last state record, for one). */
  warn?: (message: string) => void;
  /**
   * Hears, once, that the state file could not be repaired after a failed write: from then on
   * every change is refused with a 503. The CLI stops the process; by default it is logged.
   */
  onStateFileBroken?: (error: StateFileBroken) => void;
  /** The file operations the state file is written with (tests make them fail); node:fs by default. */
  stateFileSystem?: StateFileSystem;
  /** A named tenant unused this long (real time) is forgotten (default 30 minutes). */
  tenantIdleMs?: number;
  maxTenants?: number;
  logError?: (error: unknown) => void;
  /** Fault rules every tenant starts with (docs/faults.md); none by default. */
  faultRules?: FaultRuleSpec[];
  /** A YAML or JSON rules file, loaded after `faultRules`; a bad file throws FaultRuleError. */
  faultRulesFile?: string;
  /** How rate limits answer, for every tenant (GitHub's defaults otherwise). */
  rateLimits?: RateLimitSettingsPatch;
  /** Waits out injected latency (default: real time). */
  sleep?: (ms: number) => Promise<void>;
  /** 'silent' (the default: a library stays quiet), 'error', 'info' (one line per request) or 'debug'. */
  logLevel?: LogLevel;
  /** Where JSON log lines go; by default errors to stderr and the rest to stdout. */
  logSink?: LogSink;
  /** 'json' lines (the default) or 'pretty' (one short line per event, for a terminal). */
  logFormat?: LogFormat;
  /** Colour pretty lines. */
  logColour?: boolean;
}

/** What a user would otherwise be surprised by at start-up (the CLI's banner says it). */
export interface StartupFacts {
  /** Tenants and tasks brought back from --state-file. */
  restored?: { tenants: number; tasks: number };
  /** Ids of the fault rules every tenant starts with. */
  faultRules: string[];
}

export interface Emulator {
  app: Hono<ApiEnv>;
  tenants: TenantRegistry;
  config: AppConfig;
  /** Flush and close the state file, if any (call on shutdown). */
  close(): void;
  startup: StartupFacts;
}

/**
 * The composition root: everything createApp needs, from options with defaults. An unknown option
 * or a contradictory pair throws EmulatorOptionsError naming the valid ones.
 */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  checkOptionNames(options, EMULATOR_OPTION_NAMES, 'createEmulator');
  checkOptionValues(options, 'createEmulator');
  const clockMode = options.clockMode ?? (options.timeScale !== undefined ? 'scaled' : 'real');
  const seed = options.seed ?? DEFAULT_SEED;
  const fixtures = options.fixtures ?? loadFixtures(options.fixturesDir);
  const timeSource = options.timeSource ?? Date.now;
  const catalogue = options.scenarios ?? loadScenarios(options.scenarioDirs);
  const defaultScenario = options.defaultScenario ?? DEFAULT_SCENARIO;
  checkScenarioNames(catalogue, defaultScenario, fixtures);
  const faultRules = readFaultRules(options.faultRules, options.faultRulesFile);
  const rateLimitSettings = applySettingsPatch(DEFAULT_RATE_LIMIT_SETTINGS, options.rateLimits);
  const logger = createLogger({ level: options.logLevel ?? 'silent', sink: options.logSink ?? processSink, now: timeSource, format: options.logFormat, colour: options.logColour });
  const onHistory = logger.enabled('info') ? logLifecycle(logger, fixtures.directory) : undefined;
  const persistence = options.stateFile
    ? openPersistence({
        path: options.stateFile,
        regenerate: (s, start) => generateTasks(fixtures.plan, s, start),
        defaultScenario,
        realTime: timeSource,
        fileSystem: options.stateFileSystem,
        warn: (message) => options.warn?.(message),
        onBroken: (error) => (options.onStateFileBroken ?? ((e) => logger.error('state file broken', { error: e.message })))(error),
      })
    : undefined;
  for (const warning of persistence?.warnings ?? []) options.warn?.(warning);
  const restoring = new Map(persistence?.restored);
  const restored = persistence ? { tenants: restoring.size, tasks: [...restoring.values()].reduce((n, t) => n + t.tasks.length, 0) } : undefined;
  let imports = 0;
  // Generated once, when the emulator starts: tenants made later share them, older by the time since.
  const sharedFixtures = createSharedFixtures(fixtures, seed, options.clockStart ?? timeSource());
  const tenants = createTenantRegistry({
    realTime: timeSource,
    idleMs: options.tenantIdleMs,
    maxTenants: options.maxTenants,
    initial: [...restoring.keys()],
    onForget: (name) => {
      try {
        persistence?.tenantForgotten(name);
      } catch (error) {
        // Its removal could not be saved: it stays, and expiry is tried again later.
        if (error instanceof StateWriteError) return false;
        throw error;
      }
    },
    create: (name, overrides) => {
      const restore = overrides ? overrides.restore : restoring.get(name);
      restoring.delete(name);
      const tenant = createTenant({
        name,
        fixtures,
        seed: overrides?.seed ?? seed,
        timeSource,
        clockMode,
        timeScale: options.timeScale ?? 1,
        clockStart: options.clockStart,
        catalogue,
        defaultScenario,
        journalSize: options.journalSize ?? 1000,
        faultRules,
        rateLimitSettings,
        restore,
        idSalt: overrides?.restore ? `import-${++imports}-${persistence?.startNumber ?? 0}` : restore ? `start-${persistence?.startNumber}` : undefined,
        changes: persistence?.changes,
        sharedFixtures,
        onHistory,
      });
      if (overrides?.restore) persistence?.tenantRestored(tenant);
      else if (!restore) persistence?.tenantCreated(tenant);
      return tenant;
    },
  });
  try {
    persistence?.start(() => tenants.all());
  } catch (error) {
    persistence?.close(); // lets the lock go
    throw error;
  }
  const config: AppConfig = {
    baseUrl: options.baseUrl,
    webBaseUrl: options.webBaseUrl ?? 'https://github.com',
    linkStyle: options.linkStyle ?? 'description',
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
    controlToken: options.controlToken,
  };
  const app = createApp({
    config,
    tenants,
    ids: createIdSource(createRandom(seed ^ 0x5eed)),
    spec: loadAgentTasksSpec(),
    controlDescription: loadControlDescription(),
    realTime: timeSource,
    sleep: options.sleep,
    logError: options.logError ?? ((error) => logger.error('unhandled error', errorFields(error))),
    requestLog: logger.enabled('info') ? requestLog(logger, timeSource) : undefined,
  });
  const startup: StartupFacts = { restored, faultRules: faultRules.map((r, i) => r.id ?? `fault-${i + 1}`) };
  return { app, tenants, config, close: () => persistence?.close(), startup };
}

/** Every scenario named in configuration must exist: a typo stops start-up, not a later request. */
function checkScenarioNames(catalogue: ScenarioCatalogue, defaultScenario: string, fixtures: Fixtures): void {
  const known = () => [...catalogue.keys()].sort().join(', ');
  if (!catalogue.has(defaultScenario)) throw new ScenarioError('default scenario', `unknown scenario ${defaultScenario}; known: ${known()}`);
  for (const repo of fixtures.directory.repositories.values()) {
    if (repo.defaultScenario !== undefined && !catalogue.has(repo.defaultScenario)) {
      throw new ScenarioError('repositories.yaml', `${repo.owner.login}/${repo.name}: unknown default_scenario ${repo.defaultScenario}; known: ${known()}`);
    }
  }
}

/** Start-up fault rules from the option and the file, checked together so an id used in both is reported. */
function readFaultRules(fromOption: FaultRuleSpec[] = [], file?: string): FaultRuleSpec[] {
  if (fromOption.length === 0 && file === undefined) return []; // most runs: no validator to compile
  const checked = parseFaultRulesDocument({ faults: fromOption }, 'faultRules option');
  const fromFile = file ? loadFaultRules(file) : [];
  return parseFaultRulesDocument({ faults: [...checked, ...fromFile] }, 'faultRules option and faultRulesFile');
}
