import fc from 'fast-check';
import { fuzzOnce, fuzzWorldOf, type FuzzMemory } from '../test/fuzz/fuzz-target.js';
import { fuzzRequests } from '../test/fuzz/request-arbitraries.js';
import { NOW } from '../test/support/emulator.js';
import { loadSpecValidators } from '../test/support/spec-validators.js';
import { createEmulator } from '../src/create-emulator.js';
import { round, saveResult } from './lib/results.js';

const RUNS = 100_000;
const SEED = 6;
const TIME_LIMIT_MS = 15 * 60_000;

/**
 * The tests' fuzzer (test/fuzz) at 100,000 requests: same generators, same properties, another
 * seed. In this process with app.request, on a frozen clock; stops at the first failure.
 */
export async function runFuzz() {
  const spec = loadSpecValidators();
  const emulator = createEmulator({ clockMode: 'manual', clockStart: NOW });
  const world = fuzzWorldOf(emulator, ['fuzz-a', 'fuzz-b']);
  const statuses: Record<string, number> = {};
  const memory: FuzzMemory = { recent: [] };
  const started = performance.now();
  const run = await fc.check(
    fc.asyncProperty(fuzzRequests(spec.operations, world), async (request) => {
      const { status, problems } = await fuzzOnce(emulator, spec, request, memory);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (problems.length > 0) throw new Error(problems.join('\n'));
    }),
    { seed: SEED, numRuns: RUNS, endOnFailure: true, interruptAfterTimeLimit: TIME_LIMIT_MS },
  );
  const seconds = (performance.now() - started) / 1000;
  const result = {
    seed: SEED,
    runs: run.numRuns,
    failed: run.failed,
    interrupted: run.interrupted,
    failure: run.failed ? `${String(run.errorInstance).slice(0, 1000)} ${JSON.stringify(run.counterexample).slice(0, 1000)}` : null,
    seconds: round(seconds),
    requestsPerSecond: round(run.numRuns / seconds, 0),
    statuses,
  };
  saveResult('fuzz', result);
  return result;
}
