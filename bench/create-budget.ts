import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_HEADERS, CREATE_BODY, REPO_TASKS } from './lib/api.js';
import { BENCH_FIXTURES } from './lib/fixtures-dir.js';
import { load } from './lib/load.js';
import { median } from './lib/median.js';
import { processCpuSplitMs } from './lib/process-cpu.js';
import { saveResult } from './lib/results.js';
import { spawnServer, type ServerKind } from './lib/spawn-server.js';

const CONNECTIONS = 10;
const WARMUP_S = 2;
const MEASURE_S = 6;
const ROUNDS = 3;

/** The runs of a round, in the order they are taken; the ceiling first, as in bench/throughput.ts. */
const RUNS = {
  ceiling: { kind: 'ceiling', what: "the ceiling's POST: a precomputed answer, the body not even read" },
  reference: { kind: 'reference-create', what: 'the least a faithful create does on the bare stack (bench/servers/reference-create-server.mjs)' },
  noStepDue: { kind: 'emulator', options: { defaultScenario: 'slow-queue' }, what: 'the emulator, on a scenario whose first step is ten minutes away: no step falls due in the run' },
  emulator: { kind: 'emulator', options: {}, what: 'the emulator as bench/throughput.ts measures it: from 3 s in, each create is joined by an earlier task starting (its branch and draft pull request)' },
} satisfies Record<string, { kind: ServerKind; options?: Record<string, unknown>; what: string }>;
type RunName = keyof typeof RUNS;

/**
 * Where create's floor (25% of the ceiling's POST) stands against what any create costs: per
 * round, the ceiling, a bare-stack reference create, and the emulator with and without a step
 * falling due during the run, each as req/s against its round's ceiling and as the server's user
 * and system CPU time per request (docs/performance.md, "Open: create is below its floor").
 */
export async function runCreateBudget() {
  const sample = await spawnServer('emulator', { fixturesDir: BENCH_FIXTURES });
  const list = await (await fetch(`${sample.url}${REPO_TASKS}`, { headers: API_HEADERS })).text();
  const headers = { ...API_HEADERS, 'content-type': 'application/json' };
  const task = await (await fetch(`${sample.url}${REPO_TASKS}`, { method: 'POST', headers, body: CREATE_BODY })).text();
  await sample.stop();
  const bodiesFile = join(tmpdir(), `ceiling-bodies-budget-${process.pid}.json`);
  writeFileSync(bodiesFile, JSON.stringify({ list, task }));

  const measure = async (name: RunName) => {
    const run = RUNS[name];
    const options = run.kind === 'ceiling' ? { bodiesFile } : run.kind === 'emulator' ? { fixturesDir: BENCH_FIXTURES, ...run.options } : {};
    const server = await spawnServer(run.kind, options);
    try {
      const url = `${server.url}${REPO_TASKS}`;
      await load({ url, method: 'POST', body: CREATE_BODY, headers, connections: CONNECTIONS, duration: WARMUP_S });
      const before = processCpuSplitMs(server.pid);
      const result = await load({ url, method: 'POST', body: CREATE_BODY, headers, connections: CONNECTIONS, duration: MEASURE_S });
      const after = processCpuSplitMs(server.pid);
      if (result.non2xx + result.errors + result.timeouts > 0) throw new Error(`${name}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
      const perRequest = (ms: number) => Math.round((ms * 1000 * 10) / result.requests) / 10;
      return { rps: Math.round(result.rps), userUs: before && after ? perRequest(after.userMs - before.userMs) : NaN, systemUs: before && after ? perRequest(after.systemMs - before.systemMs) : NaN };
    } finally {
      await server.stop();
    }
  };
  type Run = Awaited<ReturnType<typeof measure>>;
  const rounds: Array<Record<RunName, Run>> = [];
  for (let i = 0; i < ROUNDS; i++) {
    const round = {} as Record<RunName, Run>;
    for (const name of Object.keys(RUNS) as RunName[]) round[name] = await measure(name);
    rounds.push(round);
  }
  const summary = Object.fromEntries(
    (Object.keys(RUNS) as RunName[]).map((name) => [
      name,
      {
        what: RUNS[name].what,
        rps: median(rounds.map((r) => r[name].rps)),
        ofCeiling: median(rounds.map((r) => r[name].rps / r.ceiling.rps)),
        userUs: median(rounds.map((r) => r[name].userUs)),
        systemUs: median(rounds.map((r) => r[name].systemUs)),
      },
    ]),
  ) as Record<RunName, { what: string; rps: number; ofCeiling: number; userUs: number; systemUs: number }>;
  const result = { connections: CONNECTIONS, warmupS: WARMUP_S, measureS: MEASURE_S, rounds, summary };
  saveResult('create-budget', result);
  return result;
}
