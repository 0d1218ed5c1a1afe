import { API_HEADERS, CREATE_BODY, REPO_TASKS } from './lib/api.js';
import { BENCH_FIXTURES } from './lib/fixtures-dir.js';
import { load } from './lib/load.js';
import { processCpuMs } from './lib/process-cpu.js';
import { saveResult } from './lib/results.js';
import { spawnServer } from './lib/spawn-server.js';

const CONNECTIONS = 10;
const WARMUP_S = 2;
const MEASURE_S = 6;
const ROUNDS = 3;

/**
 * What journal capture (headers and bodies, issue #17) costs a request: list and create with the
 * journal on (the default, 1,000 entries) and off (`journalSize: 0`), paired in rounds, reported as
 * the server's CPU time per request (its own cost, apart from autocannon's on the shared cores).
 */
export async function runJournalCapture() {
  const measure = async (journalSize: number, method: 'GET' | 'POST') => {
    const server = await spawnServer('emulator', { fixturesDir: BENCH_FIXTURES, journalSize });
    try {
      const body = method === 'POST' ? CREATE_BODY : undefined;
      const headers = { ...API_HEADERS, ...(body ? { 'content-type': 'application/json' } : {}) };
      const url = `${server.url}${REPO_TASKS}`;
      await load({ url, method, body, headers, connections: CONNECTIONS, duration: WARMUP_S });
      const before = processCpuMs(server.pid);
      const result = await load({ url, method, body, headers, connections: CONNECTIONS, duration: MEASURE_S });
      const after = processCpuMs(server.pid);
      return { rps: Math.round(result.rps), serverCpuUs: before === undefined || after === undefined ? undefined : Math.round(((after - before) * 1000 * 10) / result.requests) / 10 };
    } finally {
      await server.stop();
    }
  };
  type Run = Awaited<ReturnType<typeof measure>>;
  const rounds: Array<Record<'listOff' | 'listOn' | 'createOff' | 'createOn', Run>> = [];
  for (let i = 0; i < ROUNDS; i++) {
    rounds.push({
      listOff: await measure(0, 'GET'),
      listOn: await measure(1000, 'GET'),
      createOff: await measure(0, 'POST'),
      createOn: await measure(1000, 'POST'),
    });
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const cost = (on: 'listOn' | 'createOn', off: 'listOff' | 'createOff') => ({
    serverCpuUsOff: median(rounds.map((r) => r[off].serverCpuUs ?? NaN)),
    serverCpuUsOn: median(rounds.map((r) => r[on].serverCpuUs ?? NaN)),
    extraUsPerRequest: median(rounds.map((r) => (r[on].serverCpuUs ?? NaN) - (r[off].serverCpuUs ?? NaN))),
  });
  const result = { connections: CONNECTIONS, measureS: MEASURE_S, rounds, list: cost('listOn', 'listOff'), create: cost('createOn', 'createOff') };
  saveResult('journal-capture', result);
  return result;
}
