import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_HEADERS, CREATE_BODY, REPO_TASKS } from './lib/api.js';
import { BENCH_FIXTURES } from './lib/fixtures-dir.js';
import { load, type LoadResult } from './lib/load.js';
import { medianBy } from './lib/median.js';
import { processCpuMs } from './lib/process-cpu.js';
import { saveResult } from './lib/results.js';
import { spawnServer } from './lib/spawn-server.js';

const CONNECTIONS = 10;
const WARMUP_S = 2;
const MEASURE_S = 8;
/**
 * Each measure is taken this many times, every time right after its ceiling: on two shared cores
 * the machine's speed moved by a quarter between runs minutes apart (docs/performance.md), so a ratio is
 * only as good as the pairing of its two runs, and the median of paired rounds is reported. Three
 * rounds left a median that moved by six points between runs within an hour (docs/performance.md); five
 * take two minutes more.
 */
const ROUNDS = 5;

/**
 * Warm the server's JIT, then measure; both runs bounded in time. The server's CPU time over the
 * measured run, per request, is its own cost, which the throughput mixes with autocannon's on two
 * shared cores (undefined off Linux).
 */
async function measure(url: string, method: 'GET' | 'POST', body: string | undefined, pid: number): Promise<LoadResult & { serverCpuUs?: number }> {
  const headers = { ...API_HEADERS, ...(body ? { 'content-type': 'application/json' } : {}) };
  await load({ url, method, body, headers, connections: CONNECTIONS, duration: WARMUP_S });
  const before = processCpuMs(pid);
  const result = await load({ url, method, body, headers, connections: CONNECTIONS, duration: MEASURE_S });
  const after = processCpuMs(pid);
  return before === undefined || after === undefined ? result : { ...result, serverCpuUs: ((after - before) * 1000) / result.requests };
}

/**
 * list (30 tasks), get and create through the emulator's whole pipeline, against the ceiling
 * (bench/servers/ceiling-server.mjs) serving the same bodies precomputed, in ROUNDS paired rounds;
 * each measure reports the round with its median ratio. Each run gets a fresh server process, so
 * one run's tasks or garbage never weigh on the next.
 */
export async function runThroughput() {
  const options = { fixturesDir: BENCH_FIXTURES };
  // The bodies the ceiling serves are the emulator's own answers.
  const sample = await spawnServer('emulator', options);
  const list = await (await fetch(`${sample.url}${REPO_TASKS}`, { headers: API_HEADERS })).text();
  const taskId = (JSON.parse(list) as { tasks: Array<{ id: string }> }).tasks[0]!.id;
  const created = await fetch(`${sample.url}${REPO_TASKS}`, { method: 'POST', headers: { ...API_HEADERS, 'content-type': 'application/json' }, body: CREATE_BODY });
  const task = await created.text();
  await sample.stop();
  const bodiesFile = join(tmpdir(), `ceiling-bodies-${process.pid}.json`);
  writeFileSync(bodiesFile, JSON.stringify({ list, task }));

  const run = async (kind: 'emulator' | 'ceiling', path: string, method: 'GET' | 'POST', body?: string) => {
    const server = await spawnServer(kind, kind === 'ceiling' ? { bodiesFile } : options);
    try {
      return await measure(`${server.url}${path}`, method, body, server.pid);
    } finally {
      await server.stop();
    }
  };
  type Run = Awaited<ReturnType<typeof run>>;
  const rounds: Array<{ ceilingGet: Run; list: Run; get: Run; ceilingPost: Run; create: Run }> = [];
  for (let i = 0; i < ROUNDS; i++) {
    const ceilingGet = await run('ceiling', REPO_TASKS, 'GET');
    const list = await run('emulator', REPO_TASKS, 'GET');
    const get = await run('emulator', `${REPO_TASKS}/${taskId}`, 'GET');
    const ceilingPost = await run('ceiling', REPO_TASKS, 'POST', CREATE_BODY);
    const create = await run('emulator', REPO_TASKS, 'POST', CREATE_BODY);
    rounds.push({ ceilingGet, list, get, ceilingPost, create });
  }
  const paired = (measure: 'list' | 'get' | 'create', ceiling: 'ceilingGet' | 'ceilingPost') => {
    const all = rounds.map((r) => ({ ...r[measure], ratio: r[measure].rps / r[ceiling].rps }));
    return { ...medianBy(all, (r) => r.ratio), ratios: all.map((r) => r.ratio) };
  };
  const result = {
    connections: CONNECTIONS,
    warmupS: WARMUP_S,
    measureS: MEASURE_S,
    rounds: ROUNDS,
    bodyBytes: { list: Buffer.byteLength(list), task: Buffer.byteLength(task) },
    ceilingGet: medianBy(rounds.map((r) => r.ceilingGet), (r) => r.rps),
    ceilingPost: medianBy(rounds.map((r) => r.ceilingPost), (r) => r.rps),
    list: paired('list', 'ceilingGet'),
    get: paired('get', 'ceilingGet'),
    create: paired('create', 'ceilingPost'),
  };
  saveResult('throughput', result);
  return result;
}
