// vitest globalSetup of the contract suite (main process, once per run). It reads the target, and
// when the target is the emulator without CONTRACT_BASE_URL, starts one in this process through
// the package's public entry on a free loopback port. Test workers reach it over HTTP only.
// It also owns the run directory of the task budget and prints every task the run started.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { EMULATOR_DEFAULTS } from './emulator-defaults.js';
import { countReservations, readStartedTasks } from './task-budget.js';
import { describeTarget, readTarget } from './target.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The contract command passes its settings through the project's `env`; a shell passes them
  // through the process environment. Both reach the workers, so read both here too.
  const env: Record<string, string | undefined> = { ...process.env, ...(project.config.env as Record<string, string>) };
  const launch = (env.CONTRACT_TARGET ?? 'emulator') === 'emulator' && !env.CONTRACT_BASE_URL?.trim();
  const running = launch ? await startInProcess() : undefined;
  const stop = async () => running?.stop();
  let runDir: string | undefined;
  try {
    const target = readTarget(env, running?.url);
    runDir = mkdtempSync(join(tmpdir(), 'agent-tasks-contract-'));
    project.provide('contractRun', { runDir, launchedBaseUrl: running?.url });
    console.log(`contract: target ${describeTarget(target)}${running ? ' (started in-process)' : ''}`);
  } catch (error) {
    await stop();
    throw error;
  }
  const dir = runDir;
  return async () => {
    const started = readStartedTasks(dir);
    const held = countReservations(dir);
    if (held > 0) {
      const unknown = held - started.length;
      console.log(`contract: ${started.length} task(s) started${unknown > 0 ? `, ${unknown} request(s) with an unknown outcome` : ''}:`);
      for (const t of started) console.log(`  ${t.id}  ${t.html_url ?? t.url ?? ''}  (${t.test})`);
    }
    rmSync(dir, { recursive: true, force: true });
    await stop();
  };
}

async function startInProcess() {
  // Resolved through the package's own name: vitest.config.ts aliases it to src/index.ts so the
  // suite needs no build; an installed package resolves it to dist/.
  const { startEmulator } = await import('agent-tasks-emulator');
  const running = await startEmulator({ port: 0, host: '127.0.0.1' });
  const known = new Set(Object.values(running.tokens));
  const missing = (['token', 'installationToken', 'noPermissionToken', 'readOnlyToken'] as const).filter((k) => !known.has(EMULATOR_DEFAULTS[k]));
  if (missing.length > 0) {
    await running.stop();
    throw new Error(`test/contract/harness/emulator-defaults.ts is out of date with the built-in fixtures: ${missing.join(', ')} unknown to the emulator`);
  }
  return running;
}
