import autocannon from 'autocannon';
import { createRandom } from '../src/support/random.js';
import { API_HEADERS, CREATE_BODY, REPO_TASKS } from './lib/api.js';
import { fixturesWithTasks } from './lib/fixtures-dir.js';
import { round, saveResult } from './lib/results.js';
import { spawnServer, type MemorySample } from './lib/spawn-server.js';

const REQUESTS = 200_000;
const CONNECTIONS = 20;
const SAMPLE_EVERY_MS = 2_000;
const MAX_TENANTS = 40;
/** Tenant names in use at a time; the window moves on every TENANT_WINDOW_REQUESTS tenant requests. */
const TENANT_NAMES = 12;
const TENANT_WINDOW_REQUESTS = 4_000;
const TIME_LIMIT_S = 600;

/**
 * 200,000 requests of a mix that touches everything kept per request or per caller: reads and
 * creates in tenants that come and go (more names than --max-tenants), unknown tokens, unknown
 * paths, bad versions. Memory is read after GC every two seconds; bounded state shows as a flat line.
 * Creates go only to tenants that come and go: a window of names moves on as the requests go, the
 * names left behind expire after a second unused and take their tasks, so stored tasks stay
 * bounded. (A tenant in use is never dropped for a new one; a full registry answers 503.)
 */
export async function runSoak() {
  const server = await spawnServer('emulator', { fixturesDir: fixturesWithTasks(60), maxTenants: MAX_TENANTS, tenantIdleMs: 1000, journalSize: 1000 }, { path: REPO_TASKS, headers: API_HEADERS });
  const list = (await (await fetch(`${server.url}${REPO_TASKS}`, { headers: API_HEADERS })).json()) as { tasks: Array<{ id: string }> };
  const taskId = list.tasks[0]!.id;
  const random = createRandom(2026);
  let tenantRequests = 0;
  const tenant = () => `/t/soak-${Math.floor(tenantRequests++ / TENANT_WINDOW_REQUESTS)}-${random.int(0, TENANT_NAMES - 1)}`;
  const junk = () => random.int(0, 2 ** 31).toString(36) + random.int(0, 2 ** 31).toString(36);
  // Each connection walks this list in order, again and again; setupRequest varies what varies.
  const mix: autocannon.Request[] = [
    { method: 'GET', path: `${REPO_TASKS}?page=1` },
    { method: 'GET', setupRequest: (r) => ({ ...r, path: `${REPO_TASKS}?page=${random.int(1, 5)}&per_page=${random.int(1, 100)}` }) },
    { method: 'GET', path: `${REPO_TASKS}/${taskId}` },
    { method: 'GET', setupRequest: (r) => ({ ...r, path: REPO_TASKS, headers: { ...API_HEADERS, authorization: `Bearer ghp_${junk()}` } }) },
    { method: 'GET', setupRequest: (r) => ({ ...r, path: `/agents/nothing/${junk()}` }) },
    { method: 'POST', body: CREATE_BODY, setupRequest: (r) => ({ ...r, path: `${tenant()}${REPO_TASKS}` }) },
    { method: 'GET', setupRequest: (r) => ({ ...r, path: `${tenant()}/agents/tasks?state=queued,in_progress` }) },
    { method: 'GET', setupRequest: (r) => ({ ...r, path: REPO_TASKS, headers: { ...API_HEADERS, 'x-github-api-version': junk() } }) },
    { method: 'GET', path: '/agents/tasks?sort=created_at&direction=asc&page=2' },
  ];
  const samples: Array<MemorySample & { s: number; requests: number }> = [];
  let done = 0;
  const started = performance.now();
  const sample = async () => samples.push({ s: round((performance.now() - started) / 1000), requests: done, ...(await server.memory()) });
  await sample();
  try {
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: server.url,
          headers: { ...API_HEADERS, 'content-type': 'application/json' },
          connections: CONNECTIONS,
          amount: REQUESTS,
          requests: mix,
          timeout: 10,
        },
        (error, r) => (error ? reject(error) : resolve(r)),
      );
      instance.on('response', () => done++);
      const timer = setInterval(() => void sample(), SAMPLE_EVERY_MS);
      const limit = setTimeout(() => instance.stop(), TIME_LIMIT_S * 1000);
      instance.on('done', () => (clearInterval(timer), clearTimeout(limit)));
    });
    await sample();
    const afterWarmup = samples.find((s) => s.requests >= REQUESTS / 4) ?? samples[0]!;
    const last = samples[samples.length - 1]!;
    const tenants = (await (await fetch(`${server.url}/_emulator/tenants`)).json()) as { tenants: string[] };
    const summary = {
      requests: result.requests.total,
      seconds: round(result.duration),
      rps: round(result.requests.average, 0),
      statusCodes: result.statusCodeStats,
      errors: result.errors,
      timeouts: result.timeouts,
      maxTenants: MAX_TENANTS,
      tenantNames: TENANT_NAMES,
      tenantsAlive: tenants.tenants.length,
      heapGrowthAfterWarmup: round(last.heapUsed / afterWarmup.heapUsed, 3),
      rssGrowthAfterWarmup: round(last.rss / afterWarmup.rss, 3),
      samples,
    };
    saveResult('soak', summary);
    return { ...summary, samples: `${samples.length} samples` };
  } finally {
    await server.stop();
  }
}
