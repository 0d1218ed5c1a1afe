import { API_HEADERS, REPO_TASKS } from './lib/api.js';
import { fixturesWithTasks } from './lib/fixtures-dir.js';
import { saveResult } from './lib/results.js';
import { spawnServer, type MemorySample, type ServerKind } from './lib/spawn-server.js';
import { median } from './lib/median.js';

const STARTS = 5;
const STORED = 100_000;

/** Spawn, poll until the first 200, read memory after GC having served that one request; stop. */
async function startOnce(kind: ServerKind, options: Record<string, unknown>): Promise<{ ms: number; memory: MemorySample }> {
  const server = await spawnServer(kind, options, { path: REPO_TASKS, headers: API_HEADERS });
  try {
    return { ms: server.msToFirst200!, memory: await server.memory() };
  } finally {
    await server.stop();
  }
}

async function startMany(kind: ServerKind, options: Record<string, unknown>) {
  const runs = [];
  for (let i = 0; i < STARTS; i++) runs.push(await startOnce(kind, options));
  return {
    msToFirst200: median(runs.map((r) => r.ms)),
    allMs: runs.map((r) => Math.round(r.ms)),
    rss: median(runs.map((r) => r.memory.rss)),
    heapUsed: median(runs.map((r) => r.memory.heapUsed)),
    gc: runs.every((r) => r.memory.gc),
  };
}

/**
 * Time from spawn to the first 200 and idle memory after GC, the emulator (no stored tasks, and
 * the built-in 185) against the ceiling; then memory with 100,000 stored tasks for the cost of one.
 */
export async function runStartupMemory() {
  const ceiling = await startMany('ceiling', {});
  const empty = await startMany('emulator', { fixturesDir: fixturesWithTasks(0) });
  const builtIn = await startMany('emulator', { fixturesDir: fixturesWithTasks(185) });
  const full = await startOnce('emulator', { fixturesDir: fixturesWithTasks(STORED) });
  const result = {
    starts: STARTS,
    ceiling,
    emulatorEmpty: empty,
    emulator185: builtIn,
    startupRatio: empty.msToFirst200 / ceiling.msToFirst200,
    startupRatio185: builtIn.msToFirst200 / ceiling.msToFirst200,
    idleRssRatio: empty.rss / ceiling.rss,
    stored: STORED,
    storedStartupMs: full.ms,
    storedRss: full.memory.rss,
    storedHeapUsed: full.memory.heapUsed,
    rssPerTaskBytes: (full.memory.rss - empty.rss) / STORED,
    heapPerTaskBytes: (full.memory.heapUsed - empty.heapUsed) / STORED,
  };
  saveResult('startup-memory', result);
  return result;
}
