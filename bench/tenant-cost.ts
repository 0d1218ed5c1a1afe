import { API_HEADERS, CREATE_BODY, REPO_TASKS } from './lib/api.js';
import { median } from './lib/median.js';
import { saveResult } from './lib/results.js';
import { spawnServer } from './lib/spawn-server.js';

const TENANTS = 400;
const POST_HEADERS = { ...API_HEADERS, 'content-type': 'application/json' };

/** Milliseconds each request took, one after another on one keep-alive connection. */
async function timeEach(count: number, request: (i: number) => Promise<Response>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const res = await request(i);
    await res.arrayBuffer();
    times.push(performance.now() - started);
    if (res.status >= 300) throw new Error(`request ${i} answered ${res.status}`);
  }
  return times;
}

const p90 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.9)]!;

/**
 * What a tenant per test costs (targets in issue 18: the first request in a new tenant at most
 * 0.5 ms more than one in a tenant that exists, at most 64 KB until it changes something): the
 * first list in each of 400 new tenants against the same list in one that exists, then the first
 * create in 400 more, and the heap each group left after full collections.
 */
export async function runTenantCost() {
  const server = await spawnServer('emulator', { maxTenants: 3 * TENANTS }, { path: `${REPO_TASKS}?per_page=1`, headers: API_HEADERS });
  try {
    const list = (prefix: string) => fetch(`${server.url}${prefix}${REPO_TASKS}`, { headers: API_HEADERS });
    const create = (prefix: string) => fetch(`${server.url}${prefix}${REPO_TASKS}`, { method: 'POST', headers: POST_HEADERS, body: CREATE_BODY });
    // Warm: the code paths, and the presentation of the shared tasks.
    await timeEach(200, () => list(''));
    await timeEach(50, (i) => list(`/t/warm-${i}`));
    await timeEach(50, (i) => create(`/t/warm-${i}`));

    const existing = await timeEach(TENANTS, () => list(''));
    const before = await server.memory();
    const firstList = await timeEach(TENANTS, (i) => list(`/t/read-${i}`));
    const afterReads = await server.memory();
    const existingCreate = await timeEach(TENANTS, () => create(''));
    const beforeCreates = await server.memory();
    const firstCreate = await timeEach(TENANTS, (i) => create(`/t/write-${i}`));
    const afterCreates = await server.memory();
    const result = {
      tenants: TENANTS,
      listInExistingMs: median(existing),
      firstListInNewTenantMs: median(firstList),
      firstListInNewTenantP90Ms: p90(firstList),
      newTenantListExtraMs: median(firstList) - median(existing),
      createInExistingMs: median(existingCreate),
      firstCreateInNewTenantMs: median(firstCreate),
      newTenantCreateExtraMs: median(firstCreate) - median(existingCreate),
      heapPerUnchangedTenantKB: (afterReads.heapUsed - before.heapUsed) / TENANTS / 1024,
      heapPerTenantAfterOneCreateKB: (afterCreates.heapUsed - beforeCreates.heapUsed) / TENANTS / 1024,
    };
    saveResult('tenant-cost', result);
    return result;
  } finally {
    await server.stop();
  }
}
