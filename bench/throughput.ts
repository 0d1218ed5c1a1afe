import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_HEADERS, CREATE_BODY, REPO_TASKS } from './lib/api.js';
import { BENCH_FIXTURES } from './lib/fixtures-dir.js';
import { load, type LoadResult } from './lib/load.js';
import { processCpuMs } from './lib/process-cpu.js';
import { saveResult } from './lib/results.js';
import { spawnServer } from './lib/spawn-server.js';

const CONNECTIONS = 10;
const WARMUP_S = 3;
const MEASURE_S = 10;

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
 * (bench/servers/ceiling-server.mjs) serving the same bodies precomputed. Each run gets a fresh
 * server process, so one run's tasks or garbage never weigh on the next.
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
  const ceilingGet = await run('ceiling', REPO_TASKS, 'GET');
  const ceilingPost = await run('ceiling', REPO_TASKS, 'POST', CREATE_BODY);
  const listRun = await run('emulator', REPO_TASKS, 'GET');
  const getRun = await run('emulator', `${REPO_TASKS}/${taskId}`, 'GET');
  const createRun = await run('emulator', REPO_TASKS, 'POST', CREATE_BODY);
  const result = {
    connections: CONNECTIONS,
    warmupS: WARMUP_S,
    measureS: MEASURE_S,
    bodyBytes: { list: Buffer.byteLength(list), task: Buffer.byteLength(task) },
    ceilingGet,
    ceilingPost,
    list: { ...listRun, ratio: listRun.rps / ceilingGet.rps },
    get: { ...getRun, ratio: getRun.rps / ceilingGet.rps },
    create: { ...createRun, ratio: createRun.rps / ceilingPost.rps },
  };
  saveResult('throughput', result);
  return result;
}
