// `agent-tasks-emulator contract`: runs the contract suite (test/contract, shipped in the package)
// through vitest's Node API against the target the arguments name, and writes the parity report.
// vitest is an optional peer dependency: serving never needs it, and this command explains how to
// get it when it is missing (docs/decisions/0004-contract-kit.md).
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator } from '../start-emulator.js';
import { CONTRACT_USAGE, ContractUsageError, inTenant, parseContractArguments } from './contract-arguments.js';
import { ParityReporter } from './parity-reporter.js';

/** The package root, from src/contract/ under tsx or dist/contract/ when built. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SUITE = 'test/contract';

export const VITEST_MISSING =
  'agent-tasks-emulator contract: the contract suite runs on vitest, which is not installed.\n' +
  'Install it next to agent-tasks-emulator: npm install --save-dev vitest@^4.1\n';

export interface ContractIo {
  out(text: string): void;
  err(text: string): void;
}

export type VitestNode = typeof import('vitest/node');

export interface ContractCommandOptions {
  io?: ContractIo;
  /** How vitest's Node API is loaded; undefined when vitest is not installed. */
  loadVitest?: () => Promise<VitestNode | undefined>;
  /** vitest's console reporter; false for none (the reports are written either way). */
  consoleReporter?: 'default' | 'verbose' | 'dot' | false;
  /** Names the run's tenant on an emulator (contract-<runId>); random by default. */
  runId?: string;
}

const processIo: ContractIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

/** Runs the suite; resolves to the exit code: 0 all held, 1 something failed, 2 usage or setup. */
export async function runContractCommand(argv: string[], env: NodeJS.ProcessEnv, options: ContractCommandOptions = {}): Promise<number> {
  const io = options.io ?? processIo;
  const runId = options.runId ?? randomUUID().slice(0, 8);
  let args;
  try {
    args = parseContractArguments(argv, env, runId);
  } catch (error) {
    if (!(error instanceof ContractUsageError)) throw error;
    io.err(`agent-tasks-emulator contract: ${error.message}\n\n${CONTRACT_USAGE}`);
    return 2;
  }
  if (args.help) {
    io.out(CONTRACT_USAGE);
    return 0;
  }
  if (!existsSync(join(PACKAGE_ROOT, SUITE, 'harness', 'global-setup.ts'))) {
    io.err(`agent-tasks-emulator contract: the suite is missing from ${join(PACKAGE_ROOT, SUITE)}\n`);
    return 2;
  }
  const vitest = await (options.loadVitest ?? loadVitest)();
  if (!vitest) {
    io.err(VITEST_MISSING);
    return 2;
  }

  const outDir = resolve(args.outDir);
  const running = args.startEmulator ? await startEmulator({ port: 0, host: '127.0.0.1' }) : undefined;
  const suiteEnv = running ? { ...args.suiteEnv, CONTRACT_BASE_URL: inTenant(running.url, runId) } : args.suiteEnv;
  if (suiteEnv.CONTRACT_TARGET === 'emulator') io.out(`contract: running against ${suiteEnv.CONTRACT_BASE_URL}\n`);
  if (args.runTenant) {
    const problem = await makeTenant(suiteEnv.CONTRACT_BASE_URL!, suiteEnv.CONTRACT_CONTROL_TOKEN);
    if (problem) {
      io.err(`agent-tasks-emulator contract: ${problem}\n`);
      return 2;
    }
  }
  const reporter = new ParityReporter(outDir, PACKAGE_ROOT);
  // vitest reports failure through process.exitCode; this command answers with its own code.
  const exitCodeBefore = process.exitCode;
  try {
    const run = await vitest.startVitest(
      'test',
      [],
      {
        root: PACKAGE_ROOT,
        config: false,
        watch: false,
        include: [`${SUITE}/**/*.test.ts`],
        globalSetup: [join(PACKAGE_ROOT, SUITE, 'harness', 'global-setup.ts')],
        env: suiteEnv,
        pool: 'forks',
        fileParallelism: false,
        isolate: false,
        testTimeout: 60_000,
        reporters: [
          ...(options.consoleReporter === false ? [] : [options.consoleReporter ?? 'default']),
          ['junit', { outputFile: join(outDir, 'junit.xml') }],
          reporter,
        ],
      },
    );
    await run.close();
  } catch (error) {
    io.err(`agent-tasks-emulator contract: ${(error as Error).message}\n`);
    return 1;
  } finally {
    process.exitCode = exitCodeBefore;
    await running?.stop();
  }
  const report = reporter.report;
  if (!report) {
    io.err('agent-tasks-emulator contract: the run ended without results (see the output above)\n');
    return 1;
  }
  io.out(`contract: ${report.result}; reports in ${outDir} (report.md, report.json, junit.xml)\n`);
  return report.result === 'passed' ? 0 : 1;
}

/**
 * Makes the run's own tenant through the control API: an emulator started with --control-token
 * makes tenants only that way (and answers 404 in one never made). Returns what went wrong.
 */
async function makeTenant(tenantUrl: string, controlToken: string | undefined): Promise<string | undefined> {
  let res: Response;
  try {
    res = await fetch(`${tenantUrl}/_emulator/reset`, {
      method: 'POST',
      headers: controlToken ? { 'x-emulator-control-token': controlToken } : {},
    });
  } catch (error) {
    return `cannot reach ${tenantUrl}: ${(error as Error).message}`;
  }
  await res.body?.cancel();
  if (res.ok) return undefined;
  if (res.status === 401) {
    return `${tenantUrl}/_emulator/reset answered 401: the emulator needs its control token (--control-token, or CONTRACT_CONTROL_TOKEN)`;
  }
  return `${tenantUrl}/_emulator/reset answered ${res.status}: is this an agent-tasks-emulator? (--target github for GitHub)`;
}

export async function loadVitest(): Promise<VitestNode | undefined> {
  try {
    return await import('vitest/node');
  } catch (error) {
    const e = error as { code?: string; message?: string };
    if (e.code === 'ERR_MODULE_NOT_FOUND' && /'vitest(\/node)?'/.test(e.message ?? '')) return undefined;
    throw error;
  }
}
