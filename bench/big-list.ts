import type autocannon from 'autocannon';
import { API_HEADERS, REPO_TASKS } from './lib/api.js';
import { fixturesWithTasks } from './lib/fixtures-dir.js';
import { load } from './lib/load.js';
import { saveResult } from './lib/results.js';
import { spawnServer } from './lib/spawn-server.js';

export const BIG_LIST_TASKS = 100_000;
const CONNECTIONS = 50;
const QUERY = '?state=completed,failed&sort=created_at&direction=asc&page=3';
const OWN_TASKS = '/agents/tasks';
/** octocat's fine-grained token, limited to octocat/hello-world (bench/fixtures/tokens.yaml). */
const FINE_GRAINED_TOKEN = 'github_pat_octocatEmulatorReadOnly_000000000000000000000000000000000000000000000000';

/**
 * 100,000 stored tasks; a list filtered by two states, sorted, page 3, at 50 connections. Asked
 * two ways: every request with its own URL (an extra parameter the API ignores), as many clients
 * would ask it, and the same URL over and over, as a polling client asks it. Both query the store
 * every time, which is what the target is about.
 */
export async function runBigList() {
  const server = await spawnServer('emulator', { fixturesDir: fixturesWithTasks(BIG_LIST_TASKS) }, { path: `${REPO_TASKS}?per_page=1`, headers: API_HEADERS });
  try {
    const url = `${server.url}${REPO_TASKS}${QUERY}`;
    const first = await fetch(url, { headers: API_HEADERS });
    const body = (await first.json()) as { tasks: unknown[]; total_active_count: number; total_archived_count: number };
    if (first.status !== 200 || body.tasks.length !== 30) throw new Error(`unexpected answer ${first.status} with ${body.tasks.length} tasks`);
    let n = 0;
    const distinct = [{ setupRequest: (request: autocannon.Request) => ({ ...request, path: `${REPO_TASKS}${QUERY}&bench_request=${++n}` }) }];
    await load({ url, headers: API_HEADERS, connections: CONNECTIONS, duration: 3, requests: distinct });
    const run = await load({ url, headers: API_HEADERS, connections: CONNECTIONS, duration: 10, requests: distinct });
    const repeated = await load({ url, headers: API_HEADERS, connections: CONNECTIONS, duration: 10 });
    // The caller's own tasks through a fine-grained token: visibility by repository applies to
    // every count, which once meant walking all 100,000 tasks per request (docs/performance.md).
    let m = 0;
    const fineGrainedHeaders = { ...API_HEADERS, authorization: `Bearer ${FINE_GRAINED_TOKEN}` };
    const mine = [{ setupRequest: (request: autocannon.Request) => ({ ...request, path: `${OWN_TASKS}${QUERY}&bench_request=${++m}` }) }];
    await load({ url, headers: fineGrainedHeaders, connections: CONNECTIONS, duration: 3, requests: mine });
    const fineGrained = await load({ url, headers: fineGrainedHeaders, connections: CONNECTIONS, duration: 10, requests: mine });
    const result = { tasks: BIG_LIST_TASKS, storedInScope: body.total_active_count + body.total_archived_count, startupMs: server.msToFirst200, query: `${REPO_TASKS}${QUERY}`, connections: CONNECTIONS, ...run, repeated, fineGrained: { query: `${OWN_TASKS}${QUERY}`, ...fineGrained } };
    saveResult('big-list', result);
    return result;
  } finally {
    await server.stop();
  }
}
