import { describe, expect, it } from 'vitest';
import { TOKENS, testEmulator } from '../support/emulator.js';

const REPO_TASKS = '/agents/repos/octocat/hello-world/tasks';
const ORIGIN = 'http://localhost';

function parseLink(header: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(', ').filter(Boolean)) {
    const m = /^<([^>]+)>; rel="([a-z]+)"$/.exec(part);
    if (!m) throw new Error(`malformed Link part ${part}`);
    out[m[2]!] = m[1]!;
  }
  return out;
}

describe('listing tasks', () => {
  it('the repository list answers {tasks, totals}, newest update first, 30 per page', async () => {
    const { json } = testEmulator();
    const { status, body } = await json(REPO_TASKS);
    expect(status).toBe(200);
    expect(body.tasks).toHaveLength(30);
    expect(body.total_active_count + body.total_archived_count).toBe(160);
    const updated = body.tasks.map((t: any) => t.updated_at);
    expect([...updated].sort().reverse()).toEqual(updated);
    for (const t of body.tasks) {
      expect(t).not.toHaveProperty('sessions');
      expect(t.archived_at).toBeNull();
      expect(t.repository).toEqual({ id: 1296269 });
    }
  });

  it('walking every page never repeats or skips a task', async () => {
    const { json, tenants } = testEmulator();
    const seen: string[] = [];
    let url: string | undefined = `${REPO_TASKS}?per_page=7&sort=created_at&direction=asc`;
    let pages = 0;
    while (url) {
      const answer: { body: any; res: Response } = await json(url.replace(ORIGIN, ''));
      seen.push(...answer.body.tasks.map((t: any) => t.id));
      url = parseLink(answer.res.headers.get('link')).next;
      expect(++pages).toBeLessThan(100);
    }
    const expected = [...tenants.default.world.store.all()].filter((t) => t.repositoryId === 1296269 && t.archivedAt === null);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(expected.map((t) => t.id).sort());
    expect(seen.length).toBeGreaterThanOrEqual(140);
  });

  it('ties on the sort key go by creation order, so equal timestamps page stably, latest first', async () => {
    const { json, create } = testEmulator();
    const created: string[] = [];
    for (let i = 0; i < 5; i++) created.push((await create({ prompt: `same second ${i}` })).body.id);
    const a = await json(`${REPO_TASKS}?per_page=3&page=1`);
    const b = await json(`${REPO_TASKS}?per_page=3&page=2`);
    const ids = [...a.body.tasks, ...b.body.tasks].map((t: any) => t.id);
    expect(new Set(ids).size).toBe(6);
    expect(ids.slice(0, 5)).toEqual([...created].reverse());
  });

  describe('pagination', () => {
    it.each([
      ['per_page=150', 100],
      ['per_page=100', 100],
      ['per_page=0', 30],
      ['per_page=-5', 30],
      ['per_page=2.5', 30],
      ['per_page=abc', 30],
      ['per_page=', 30],
      ['per_page=5', 5],
    ])('%s gives %i tasks', async (query, count) => {
      const { json } = testEmulator();
      const { status, body } = await json(`${REPO_TASKS}?${query}`);
      expect(status).toBe(200);
      expect(body.tasks).toHaveLength(count);
    });

    it.each(['page=0', 'page=-1', 'page=x', 'page=1.5'])('%s falls back to page 1', async (query) => {
      const { json } = testEmulator();
      const first = await json(REPO_TASKS);
      const { status, body } = await json(`${REPO_TASKS}?${query}`);
      expect(status).toBe(200);
      expect(body.tasks.map((t: any) => t.id)).toEqual(first.body.tasks.map((t: any) => t.id));
    });

    it('a page past the end is an empty list whose Link still offers prev and first', async () => {
      const { json } = testEmulator();
      const { status, body, res } = await json(`${REPO_TASKS}?page=99`);
      expect(status).toBe(200);
      expect(body.tasks).toEqual([]);
      expect(body.total_active_count).toBeGreaterThan(0);
      const link = parseLink(res.headers.get('link'));
      expect(link.prev).toContain('page=98');
      expect(link.first).toContain('page=1');
      expect(link).not.toHaveProperty('next');
    });

    it('Link follows the description: first always, next while more pages, per_page written, filters kept', async () => {
      const { json } = testEmulator();
      const first = await json(`${REPO_TASKS}?state=completed,failed&per_page=10`);
      const link = parseLink(first.res.headers.get('link'));
      expect(Object.keys(link).sort()).toEqual(['first', 'next']);
      expect(link.next).toBe(`${ORIGIN}${REPO_TASKS}?state=completed%2Cfailed&page=2&per_page=10`);
      expect(link.first).toBe(`${ORIGIN}${REPO_TASKS}?state=completed%2Cfailed&page=1&per_page=10`);
      const plain = parseLink((await json(REPO_TASKS)).res.headers.get('link'));
      expect(plain.next).toBe(`${ORIGIN}${REPO_TASKS}?page=2&per_page=30`);
    });

    it('Link on a middle page has prev, next and first; on the final page prev, last and first', async () => {
      const { json } = testEmulator();
      const middle = parseLink((await json(`${REPO_TASKS}?per_page=50&page=2`)).res.headers.get('link'));
      expect(Object.keys(middle).sort()).toEqual(['first', 'next', 'prev']);
      const { body } = await json(REPO_TASKS);
      const lastPage = Math.ceil(body.total_active_count / 50);
      const last = parseLink((await json(`${REPO_TASKS}?per_page=50&page=${lastPage}`)).res.headers.get('link'));
      expect(Object.keys(last).sort()).toEqual(['first', 'last', 'prev']);
      expect(last.last).toContain(`page=${lastPage}&`);
    });

    it('the github link style omits first/prev on page 1 and sends no header when one page holds all', async () => {
      const { json } = testEmulator({ linkStyle: 'github' });
      const page1 = parseLink((await json(`${REPO_TASKS}?per_page=50`)).res.headers.get('link'));
      expect(Object.keys(page1).sort()).toEqual(['last', 'next']);
      expect(page1.next).toBe(`${ORIGIN}${REPO_TASKS}?page=2&per_page=50`);
      const noPerPage = parseLink((await json(REPO_TASKS)).res.headers.get('link'));
      expect(noPerPage.next).toBe(`${ORIGIN}${REPO_TASKS}?page=2`);
      const all = await json(`${REPO_TASKS}?is_archived=true&per_page=100`);
      expect(all.res.headers.get('link')).toBeNull();
    });

    it('uses the configured public base URL in links and urls', async () => {
      const { json } = testEmulator({ baseUrl: 'https://emulator.example.test/' });
      const { body, res } = await json(`${REPO_TASKS}?per_page=1`);
      expect(parseLink(res.headers.get('link')).next).toMatch(/^https:\/\/emulator\.example\.test\/agents\/repos\//);
      expect(body.tasks[0].url).toMatch(/^https:\/\/emulator\.example\.test\/agents\/repos\/octocat\/hello-world\/tasks\//);
    });
  });

  describe('filters', () => {
    it('state takes a comma-separated list', async () => {
      const { json } = testEmulator();
      const { body } = await json(`${REPO_TASKS}?state=completed,%20failed&per_page=100`);
      expect(body.tasks.length).toBeGreaterThan(0);
      expect(new Set(body.tasks.map((t: any) => t.state))).toEqual(new Set(['completed', 'failed']));
    });

    it('every one of the eight states is present in the built-in data and filterable', async () => {
      const { json } = testEmulator();
      for (const state of ['queued', 'in_progress', 'completed', 'failed', 'idle', 'waiting_for_user', 'timed_out', 'cancelled']) {
        const { body } = await json(`${REPO_TASKS}?state=${state}&per_page=100`);
        expect(body.tasks.length, state).toBeGreaterThan(0);
        expect(body.tasks.every((t: any) => t.state === state)).toBe(true);
      }
    });

    it('an unknown state is a 422 naming the field', async () => {
      const { json } = testEmulator();
      const { status, body } = await json(`${REPO_TASKS}?state=completed,done`);
      expect(status).toBe(422);
      expect(body).toMatchObject({
        message: 'Validation Failed',
        errors: [{ resource: 'Task', field: 'state', code: 'invalid' }],
        documentation_url: 'https://docs.github.com/rest/agent-tasks/agent-tasks#list-tasks-for-repository',
        status: '422',
      });
    });

    it('is_archived=true lists only archived tasks, false or absent only the others', async () => {
      const { json } = testEmulator();
      const archived = await json(`${REPO_TASKS}?is_archived=true&per_page=100`);
      expect(archived.body.tasks.length).toBe(archived.body.total_archived_count);
      expect(archived.body.tasks.every((t: any) => t.archived_at !== null)).toBe(true);
      const active = await json(`${REPO_TASKS}?is_archived=false&per_page=100`);
      expect(active.body.tasks.every((t: any) => t.archived_at === null)).toBe(true);
      expect((await json(`${REPO_TASKS}?is_archived=yes`)).status).toBe(422);
    });

    it('since keeps tasks updated at or after the instant', async () => {
      const { json } = testEmulator();
      const all = await json(`${REPO_TASKS}?per_page=100`);
      const pivot = all.body.tasks[20].updated_at;
      const { body } = await json(`${REPO_TASKS}?per_page=100&since=${pivot}`);
      expect(body.tasks.length).toBeGreaterThanOrEqual(21);
      expect(body.tasks.every((t: any) => t.updated_at >= pivot)).toBe(true);
      expect(body.tasks.map((t: any) => t.id)).toContain(all.body.tasks[20].id);
      const offset = await json(`${REPO_TASKS}?per_page=100&since=${encodeURIComponent(pivot.replace('Z', '+00:00'))}`);
      expect(offset.body.tasks.length).toBe(body.tasks.length);
    });

    it.each(['yesterday', '2026-13-01T00:00:00Z', '12345', '2026-11-01T25:00:00Z'])('a malformed since (%s) is a 422', async (since) => {
      const { json } = testEmulator();
      const { status, body } = await json(`${REPO_TASKS}?since=${encodeURIComponent(since)}`);
      expect(status).toBe(422);
      expect(body.errors[0]).toMatchObject({ field: 'since', code: 'invalid' });
    });

    it('creator_id accepts repeated and comma-separated forms', async () => {
      const { json } = testEmulator();
      const mona = await json(`${REPO_TASKS}?creator_id=2154&per_page=100`);
      expect(mona.body.tasks.length).toBeGreaterThan(0);
      expect(mona.body.tasks.every((t: any) => t.creator.id === 2154)).toBe(true);
      const repeated = await json(`${REPO_TASKS}?creator_id=2154&creator_id=583231&per_page=100`);
      const comma = await json(`${REPO_TASKS}?creator_id=2154,583231&per_page=100`);
      expect(repeated.body.tasks.length).toBe(100);
      expect(comma.body.tasks.map((t: any) => t.id)).toEqual(repeated.body.tasks.map((t: any) => t.id));
      expect(new Set(repeated.body.tasks.map((t: any) => t.creator.id))).toEqual(new Set([2154, 583231]));
      expect((await json(`${REPO_TASKS}?creator_id=mona`)).status).toBe(422);
    });

    it('sort and direction order by the chosen timestamp; other values are a 422', async () => {
      const { json } = testEmulator();
      const asc = await json(`${REPO_TASKS}?sort=created_at&direction=asc&per_page=100`);
      const created = asc.body.tasks.map((t: any) => t.created_at);
      expect([...created].sort()).toEqual(created);
      expect((await json(`${REPO_TASKS}?sort=name`)).status).toBe(422);
      expect((await json(`${REPO_TASKS}?direction=up`)).status).toBe(422);
    });

    it('the totals count the scope, whatever the state, since and archived filters', async () => {
      const { json } = testEmulator();
      const plain = await json(REPO_TASKS);
      const filtered = await json(`${REPO_TASKS}?state=queued&is_archived=true&since=2026-10-31T00:00:00Z`);
      expect(filtered.body.total_active_count).toBe(plain.body.total_active_count);
      expect(filtered.body.total_archived_count).toBe(plain.body.total_archived_count);
    });
  });

  describe('GET /agents/tasks (the caller own tasks)', () => {
    it('lists only tasks the caller created, across repositories', async () => {
      const { json } = testEmulator();
      const { body } = await json('/agents/tasks?per_page=100', { token: TOKENS.monalisa });
      expect(body.tasks.length).toBeGreaterThan(0);
      expect(body.tasks.every((t: any) => t.creator.id === 2154)).toBe(true);
      expect(new Set(body.tasks.map((t: any) => t.repository.id)).size).toBeGreaterThan(1);
    });

    it('ignores creator_id, which only the repository list documents', async () => {
      const { json } = testEmulator();
      const a = await json('/agents/tasks?per_page=5', { token: TOKENS.monalisa });
      const b = await json('/agents/tasks?per_page=5&creator_id=583231', { token: TOKENS.monalisa });
      expect(b.status).toBe(200);
      expect(b.body.tasks).toEqual(a.body.tasks);
    });

    it('another user task is a 404 through /agents/tasks/{id}, and under the wrong repository', async () => {
      const { json, create } = testEmulator();
      const { body: task } = await create({ prompt: 'mine' });
      expect((await json(`/agents/tasks/${task.id}`, { token: TOKENS.monalisa })).status).toBe(404);
      // monalisa collaborates on hello-world, so the repository view shows it to her.
      expect((await json(`${REPO_TASKS}/${task.id}`, { token: TOKENS.monalisa })).status).toBe(200);
      expect((await json(`/agents/repos/octocat/spoon-knife/tasks/${task.id}`)).status).toBe(404);
    });
  });
});
