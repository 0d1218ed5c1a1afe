import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_HEADERS, CREATE_BODY, REPO_TASKS } from './lib/api.js';
import { BENCH_FIXTURES, fixturesWithTasks } from './lib/fixtures-dir.js';
import { load } from './lib/load.js';
import { processCpuMs } from './lib/process-cpu.js';
import { spawnServer } from './lib/spawn-server.js';

/**
 * `npm run bench:profile -- list|get|create|big-list|ceiling-get|ceiling-post [dir]`: the emulator
 * (or the ceiling, serving the emulator's own bodies) under load with node --cpu-prof, then the
 * functions that took the most time themselves. For finding out why a target is missed; the
 * .cpuprofile opens in Chrome DevTools for the full picture.
 */
const what = process.argv[2] ?? 'list';
const dir = process.argv[3] ?? join('tmp', 'profiles', `${what}-${Date.now()}`);
mkdirSync(dir, { recursive: true });
const fixturesDir = what === 'big-list' ? fixturesWithTasks(100_000) : BENCH_FIXTURES;
const profiled = ['--cpu-prof', `--cpu-prof-dir=${dir}`];
const ceiling = what.startsWith('ceiling-');
const sample = ceiling ? await spawnServer('emulator', { fixturesDir }) : undefined;
const server = sample ? await ceilingServing(sample.url) : await spawnServer('emulator', { fixturesDir }, { path: REPO_TASKS, headers: API_HEADERS }, profiled);
const list = (await (await fetch(`${sample?.url ?? server.url}${REPO_TASKS}`, { headers: API_HEADERS })).json()) as { tasks: Array<{ id: string }> };
await sample?.stop();
const target: Record<string, { path: string; method: 'GET' | 'POST'; body?: string }> = {
  list: { path: REPO_TASKS, method: 'GET' },
  get: { path: `${REPO_TASKS}/${list.tasks[0]!.id}`, method: 'GET' },
  create: { path: REPO_TASKS, method: 'POST', body: CREATE_BODY },
  'ceiling-get': { path: REPO_TASKS, method: 'GET' },
  'ceiling-post': { path: REPO_TASKS, method: 'POST', body: CREATE_BODY },
  'big-list': { path: `${REPO_TASKS}?state=completed,failed&sort=created_at&direction=asc&page=3`, method: 'GET' },
};
const t = target[what]!;
const cpuBefore = processCpuMs(server.pid);
const result = await load({ url: `${server.url}${t.path}`, method: t.method, body: t.body, headers: { ...API_HEADERS, 'content-type': 'application/json' }, connections: 10, duration: 8 });
const cpuAfter = processCpuMs(server.pid);
await server.stop();
const perRequest = cpuBefore === undefined || cpuAfter === undefined ? '' : `, server CPU ${(((cpuAfter - cpuBefore) * 1000) / result.requests).toFixed(1)} µs a request`;
console.log(`${what}: ${Math.round(result.rps)} req/s, p99 ${result.p99} ms${perRequest}`);

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount: number; children?: number[] }
// The newest: a directory given again still holds the profiles of earlier runs.
const file = readdirSync(dir)
  .filter((f) => f.endsWith('.cpuprofile'))
  .sort((a, b) => statSync(join(dir, b)).mtimeMs - statSync(join(dir, a)).mtimeMs)[0]!;
const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { nodes: Node[] };
const self = new Map<string, number>();
let total = 0;
for (const n of profile.nodes) {
  const where = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\/(node_modules|dist|bench)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;
  self.set(where, (self.get(where) ?? 0) + n.hitCount);
  total += n.hitCount;
}
for (const [where, hits] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${((hits / total) * 100).toFixed(1).padStart(5)}%  ${where}`);
console.log(`profile: ${join(dir, file)}`);

/** The ceiling, serving what the emulator at `url` answers to a list and a create. */
async function ceilingServing(url: string) {
  const list = await (await fetch(`${url}${REPO_TASKS}`, { headers: API_HEADERS })).text();
  const task = await (await fetch(`${url}${REPO_TASKS}`, { method: 'POST', headers: { ...API_HEADERS, 'content-type': 'application/json' }, body: CREATE_BODY })).text();
  const bodiesFile = join(dir, 'ceiling-bodies.json');
  writeFileSync(bodiesFile, JSON.stringify({ list, task }));
  return spawnServer('ceiling', { bodiesFile }, undefined, profiled);
}
