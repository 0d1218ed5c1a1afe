import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSpecValidators } from '../support/spec-validators.js';
import { testEmulator } from '../support/emulator.js';
import { fuzzOnce, fuzzWorldOf, type FuzzMemory } from './fuzz-target.js';
import { fuzzRequests } from './request-arbitraries.js';

// A CI-sized run with a fixed seed, so a failure replays; bench/fuzz.ts sends 100,000.
const SEED = 20260601;
const RUNS = 5000;

describe('requests generated from the description, valid and invalid', () => {
  it('never a 5xx; errors GitHub-shaped; successes fit the schema; rejections change nothing', async () => {
    const spec = loadSpecValidators();
    // A frozen clock and the default (time-driven) scenario: only a request can change state.
    const emulator = testEmulator();
    const world = fuzzWorldOf(emulator, ['fuzz-a', 'fuzz-b']);
    const statuses = new Map<number, number>();
    const memory: FuzzMemory = { recent: [] };
    const run = await fc.check(
      fc.asyncProperty(fuzzRequests(spec.operations, world), async (request) => {
        const { status, problems } = await fuzzOnce(emulator, spec, request, memory);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (problems.length > 0) throw new Error(problems.join('\n'));
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // The failing request, cut short: generated headers and bodies can be megabytes long.
    expect(run.failed ? `${String(run.errorInstance).slice(0, 2000)}\n${JSON.stringify(run.counterexample).slice(0, 2000)}` : '').toBe('');
    // The run is only worth something if it reached successes and each kind of refusal.
    for (const status of [200, 201, 400, 401, 403, 404, 413, 422]) expect(statuses.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);
  }, 60_000);
});
