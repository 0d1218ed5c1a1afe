import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/start-emulator.js';
import { NOW, TOKENS } from '../support/emulator.js';
import { runPool } from '../support/run-pool.js';

const REPO = '/agents/repos/octocat/hello-world/tasks';
const CREATES = 2_000;
const IN_FLIGHT = 100;

/**
 * Real HTTP, real sockets, one event loop: many creates in flight at once must each become exactly
 * one task, and a client paging through the list meanwhile must never see a task twice.
 */
describe('2,000 concurrent creates over HTTP', () => {
  let running: RunningEmulator;
  const headers = { authorization: `Bearer ${TOKENS.octocat}`, 'x-github-api-version': '2026-03-10' };
  const getJson = async (path: string) => {
    const res = await fetch(`${running.url}${path}`, { headers });
    expect(res.status).toBe(200);
    return (await res.json()) as { tasks: Array<{ id: string }>; total_active_count: number };
  };

  // A frozen clock: every new task shares one created_at, the hardest case for a stable order.
  beforeAll(async () => {
    // GitHub's secondary limit (80 creates a minute) would refuse most of them: this is about the store.
    running = await startEmulator({ clockMode: 'manual', clockStart: NOW, rateLimits: { secondary: { limit: null } } });
  });
  afterAll(() => running.stop());

  it('give 2,000 distinct tasks, totals that rise by exactly 2,000, and a paging walk with no repeats', async () => {
    const before = await getJson(`${REPO}?per_page=1`);
    const created: string[] = [];
    let creating = true;

    const creates = runPool(CREATES, IN_FLIGHT, async (i) => {
      const res = await fetch(`${running.url}${REPO}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ prompt: `Concurrent task ${i}` }),
      });
      expect(res.status).toBe(201);
      created.push(((await res.json()) as { id: string }).id);
    }).finally(() => (creating = false));

    // Oldest first, so tasks created during the walk land after everything already seen. Only
    // full pages are taken; a short last page is read again until the creates are done.
    const walk = async () => {
      const seen: string[] = [];
      for (let page = 1; ; ) {
        const wasCreating = creating;
        const body = await getJson(`${REPO}?sort=created_at&direction=asc&per_page=50&page=${page}`);
        if (body.tasks.length === 50) {
          seen.push(...body.tasks.map((t) => t.id));
          page++;
        } else if (wasCreating) await new Promise((r) => setTimeout(r, 2));
        else return [...seen, ...body.tasks.map((t) => t.id)];
      }
    };
    const [, seen] = await Promise.all([creates, walk()]);

    expect(created).toHaveLength(CREATES);
    expect(new Set(created).size).toBe(CREATES);
    const after = await getJson(`${REPO}?per_page=1`);
    expect(after.total_active_count - before.total_active_count).toBe(CREATES);
    expect(seen.length).toBe(new Set(seen).size);
    const seenIds = new Set(seen);
    expect(created.filter((id) => !seenIds.has(id))).toEqual([]);
  }, 60_000);
});
