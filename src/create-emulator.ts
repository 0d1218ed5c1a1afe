import type { Hono } from 'hono';
import { createApp, type AppConfig } from './app.js';
import type { ClockMode } from './engine/clock.js';
import type { Lifecycle } from './engine/lifecycle.js';
import type { World } from './domain/world.js';
import { loadFixtures } from './fixtures/load-fixtures.js';
import type { Fixtures } from './fixtures/parse-fixtures.js';
import type { ApiEnv } from './http/env.js';
import { requestLog } from './http/request-log.js';
import { loadAgentTasksSpec } from './load-spec.js';
import { createIdSource } from './support/ids.js';
import { createLogger, errorFields, processSink, type LogLevel, type LogSink } from './support/logger.js';
import { createRandom } from './support/random.js';
import { createTenant } from './tenants/tenant.js';
import { createTenantRegistry, type TenantRegistry } from './tenants/tenant-registry.js';

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
  /** 'silent' (the default: a library stays quiet), 'error', 'info' (one line per request) or 'debug'. */
  logLevel?: LogLevel;
  /** Where JSON log lines go; by default errors to stderr and the rest to stdout. */
  logSink?: LogSink;
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
  const logger = createLogger({ level: options.logLevel ?? 'silent', sink: options.logSink ?? processSink, now: timeSource });
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
    logError: options.logError ?? ((error) => logger.error('unhandled error', errorFields(error))),
    requestLog: logger.enabled('info') ? requestLog(logger, timeSource) : undefined,
  });
  return { app, tenants, config };
}
