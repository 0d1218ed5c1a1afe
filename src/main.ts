#!/usr/bin/env node
// The command line: the only place that reads argv and the environment, and that listens.
// Parsing, help and the other commands live in cli/; this file wires them to the process.
import { join } from 'node:path';
import { formatBanner } from './cli/banner.js';
import type { CliIo } from './cli/cli-io.js';
import type { CliOptions } from './cli/cli-options.js';
import { runContract } from './cli/contract-command.js';
import { parseCommandLine } from './cli/parse-command-line.js';
import { formatReadyLine } from './cli/ready-line.js';
import { UsageError } from './cli/usage-error.js';
import { formatUsage } from './cli/usage.js';
import { runValidate } from './cli/validate-command.js';
import { createEmulator } from './create-emulator.js';
import { emulatorTokens } from './emulator-tokens.js';
import { BUILT_IN_FIXTURES_DIR, loadFixtures } from './fixtures/load-fixtures.js';
import { FixtureError } from './fixtures/parse-fixtures.js';
import { FileProblem } from './support/file-problem.js';
import { loadVersion } from './load-version.js';
import { closeGracefully } from './support/close-gracefully.js';
import { listen } from './support/listen.js';
import { createLogger, processSink } from './support/logger.js';

/** Time for requests in flight at shutdown; below Docker's 10 s before it sends SIGKILL. */
const SHUTDOWN_GRACE_MS = 5_000;
const NAME = 'agent-tasks-emulator';

const io: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

/** Resolves to an exit code, or to undefined while the server runs (it exits on a signal). */
async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number | undefined> {
  const command = parseCommandLine(argv, env);
  switch (command.name) {
    case 'help':
      io.out(formatUsage(command.topic));
      return 0;
    case 'version':
      io.out(`${loadVersion()}\n`);
      return 0;
    case 'validate':
      return runValidate(command.options, io);
    case 'contract':
      return runContract(command.argv, env, io);
    case 'serve':
      return serve(command.options);
  }
}

async function serve(options: CliOptions): Promise<number | undefined> {
  const fixtures = loadFixtures(options.fixtures);
  // Pretty for a person at a terminal, JSON lines for whatever collects the output.
  const logFormat = options.logFormat ?? (process.stdout.isTTY ? 'pretty' : 'json');
  const logColour = logFormat === 'pretty' && process.stdout.isTTY === true && process.env.NO_COLOR === undefined;
  const logger = createLogger({ level: options.logLevel, sink: processSink, now: Date.now, format: logFormat, colour: logColour });
  // A time scale alone means a scaled clock; parseCommandLine has refused it with another mode.
  const clockMode = options.timeScale !== undefined ? 'scaled' : options.clock;
  const emulator = createEmulator({
    fixtures,
    seed: options.seed,
    baseUrl: options.baseUrl,
    linkStyle: options.linkStyle,
    logLevel: options.logLevel,
    logSink: processSink,
    logFormat,
    logColour,
    timeSource: Date.now,
    clockMode,
    timeScale: clockMode === 'scaled' ? (options.timeScale ?? 60) : undefined,
    clockStart: options.clockStart,
    scenarioDirs: options.scenarios === undefined ? [] : [options.scenarios],
    defaultScenario: options.defaultScenario,
    controlToken: options.controlToken,
    stateFile: options.stateFile,
    faultRulesFile: options.faults,
    tenantIdleMs: options.tenantIdle,
    maxTenants: options.maxTenants,
    journalSize: options.journalSize,
    // A dropped state record matters to whoever runs it, so it shows even at --log-level error.
    warn: (message) => logger.error('state file warning', { warning: message }),
    // The request that found it is answered (a 503) before the process goes.
    onStateFileBroken: (error) => {
      io.err(`${NAME}: ${error.message}\n`);
      setImmediate(() => process.exit(1));
    },
  });
  let listening;
  try {
    listening = await listen({ fetch: emulator.app.fetch, port: options.port, host: options.host });
  } catch (error) {
    const reason = (error as { code?: string }).code === 'EADDRINUSE' ? 'the port is in use (choose another with --port, or 0 for a free one)' : (error as Error).message;
    io.err(`${NAME}: cannot listen on ${options.host}:${options.port}: ${reason}\n`);
    return 1;
  }
  const { server, url } = listening;
  // Handlers go in before the banner: whoever reads it may signal at once, and a signal that
  // arrives before its handler would kill the process without the graceful close.
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second signal means "now": do not wait for requests in flight.
      logger.info('stopping now', { signal });
      process.exit(1);
    }
    stopping = true;
    logger.info('shutting down', { signal, grace_ms: SHUTDOWN_GRACE_MS });
    closeGracefully(server, SHUTDOWN_GRACE_MS).then(
      () => {
        emulator.close();
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        io.err(`${NAME}: error while stopping: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  if (options.readyJson) {
    io.out(formatReadyLine({ url, tokens: emulatorTokens(emulator), version: loadVersion(), pid: process.pid }));
  } else if (logger.enabled('info')) {
    const boundTo = new URL(url).hostname.replace(/^\[|\]$/g, '') === options.host ? undefined : options.host;
    io.out(
      formatBanner({
        url,
        boundTo,
        directory: fixtures.directory,
        tokensFile: join(options.fixtures ?? BUILT_IN_FIXTURES_DIR, 'tokens.yaml'),
        controlToken: options.controlToken !== undefined,
        clock: { mode: clockMode, now: emulator.tenants.default.clock.now(), scale: emulator.tenants.default.clock.scale },
        stateFile: options.stateFile === undefined ? undefined : { path: options.stateFile, ...emulator.startup.restored },
        faultRules: emulator.startup.faultRules,
      }),
    );
  }
  return undefined;
}

main(process.argv.slice(2), process.env).then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      io.err(`${NAME}: ${error.message}\nRun ${NAME} --help for the commands and options.\n`);
      process.exitCode = 2;
    } else if (error instanceof FixtureError) {
      io.err(`${NAME}: invalid fixtures: ${error.message}\n`);
      process.exitCode = 1;
    } else if (error instanceof FileProblem) {
      io.err(`${NAME}: ${error.message}\n`);
      process.exitCode = 1;
    } else {
      io.err(`${NAME}: ${(error as Error)?.stack ?? String(error)}\n`);
      process.exitCode = 1;
    }
  },
);
