import { createEmulator } from '../src/create-emulator.js';
import { API_HEADERS, REPO_TASKS } from './lib/api.js';
import { BENCH_FIXTURES, BENCH_SCENARIOS } from './lib/fixtures-dir.js';
import { round, saveResult } from './lib/results.js';

const TASKS = 1_000;
const START = Date.UTC(2026, 10, 1, 12);

/**
 * 1,000 tasks on the 30-minute half-hour scenario (bench/scenarios), created through the API and
 * run to their end on the manual clock through the control API: once a minute at a time (36
 * advances, each settling what fell due), once in a single 36-minute jump. In this process, with
 * app.request: what is measured is the engine and the pipeline, not sockets.
 */
async function runOnce(steps: number) {
  const emulator = createEmulator({
    fixturesDir: BENCH_FIXTURES,
    scenarioDirs: [BENCH_SCENARIOS],
    defaultScenario: 'half-hour',
    clockMode: 'manual',
    clockStart: START,
    // 1,000 creates in a frozen minute would trip GitHub's secondary limit (80 a minute).
    rateLimits: { secondary: { limit: null } },
  });
  const { app } = emulator;
  const post = (path: string, body: object, headers: Record<string, string> = {}) =>
    app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  const t0 = performance.now();
  for (let i = 0; i < TASKS; i++) {
    const res = await post(REPO_TASKS, { prompt: `Task ${i}: tidy the build`, create_pull_request: true }, API_HEADERS);
    if (res.status !== 201) throw new Error(`create answered ${res.status}`);
  }
  const t1 = performance.now();
  const total = 36 * 60_000;
  for (let i = 0; i < steps; i++) {
    const res = await post('/_emulator/clock/advance', { ms: total / steps });
    if (res.status !== 200) throw new Error(`advance answered ${res.status}`);
  }
  const t2 = performance.now();
  const ended = [...emulator.tenants.default.world.store.all()].filter((t) => t.progress?.scenario === 'half-hour' && t.state === 'completed' && t.progress.step === 4);
  if (ended.length !== TASKS) throw new Error(`only ${ended.length} of ${TASKS} tasks reached the end`);
  return { createMs: round(t1 - t0), runMs: round(t2 - t1), totalMs: round(t2 - t0) };
}

export async function runScenario() {
  const stepwise = await runOnce(36);
  const oneJump = await runOnce(1);
  const result = { tasks: TASKS, scenario: 'half-hour (about 30 minutes, 4 timed steps)', stepwise, oneJump };
  saveResult('scenario', result);
  return result;
}
