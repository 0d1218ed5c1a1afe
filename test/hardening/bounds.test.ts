import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/support/random.js';
import { NOW, TOKENS, testEmulator } from '../support/emulator.js';

const REPO = '/agents/repos/octocat/hello-world/tasks';

/**
 * What a long-lived emulator keeps per request must not grow with the number of requests: the
 * journal is a ring, tenants expire and are capped, and rate-limit windows exist only for tokens
 * the fixtures define. (bench/soak.ts shows the same over 200,000 requests in RSS.)
 */
describe('bounded state', () => {
  it('the journal keeps only its capacity, the latest requests, however many arrive', async () => {
    const { request, json } = testEmulator({ journalSize: 25 });
    for (let i = 0; i < 120; i++) await request(`${REPO}?page=${i + 1}`);
    const { body } = await json('/_emulator/journal');
    expect(body.capacity).toBe(25);
    expect(body.entries).toHaveLength(25);
    const queries = body.entries.map((e: { query: string }) => e.query);
    expect(queries[0]).toBe('?page=96');
    expect(queries[24]).toBe('?page=120');
  });

  it('at most maxTenants tenants live at once; a new one is refused with a 503 while all are in use', async () => {
    const { request, json, tenants } = testEmulator({ maxTenants: 4 });
    for (let i = 0; i < 3; i++) expect((await request(`/t/job-${i}${REPO}?per_page=1`)).status).toBe(200);
    const made = await json(`/t/job-0${REPO}`, { method: 'POST', body: JSON.stringify({ prompt: 'Keep me' }) });
    for (let i = 3; i < 30; i++) {
      const refused = await json(`/t/job-${i}${REPO}?per_page=1`);
      expect(refused.status).toBe(503);
      expect(refused.body).toMatchObject({ message: expect.stringMatching(/tenant job-\d+ cannot be made: all 4 tenants are in use/), status: '503' });
      expect(refused.res.headers.get('retry-after')).toBe('60');
    }
    expect(tenants.names()).toEqual(['default', 'job-0', 'job-1', 'job-2']);
    // No tenant in use was dropped to make room: its task is still there.
    expect((await request(`/t/job-0/agents/tasks/${made.body.id}`)).status).toBe(200);
  });

  it('a named tenant unused for tenantIdleMs is forgotten with its tasks', async () => {
    let realNow = NOW;
    const { request, create, json, tenants } = testEmulator({ tenantIdleMs: 60_000, timeSource: () => realNow });
    const made = await create({ prompt: 'Remember me' });
    expect(made.status).toBe(201);
    const inTenant = await json(`/t/job-a${REPO}`, { method: 'POST', body: JSON.stringify({ prompt: 'Kept in job-a' }) });
    expect(inTenant.status).toBe(201);
    realNow += 61_000;
    await request(`/t/job-b${REPO}?per_page=1`); // any use of the registry sweeps
    expect(tenants.names()).toEqual(['default', 'job-b']);
    // Coming back creates job-a afresh from the fixtures: the task made there is gone.
    expect((await request(`/t/job-a/agents/tasks/${inTenant.body.id}`)).status).toBe(404);
    expect((await request(`/agents/tasks/${made.body.id}`)).status).toBe(200); // the default tenant never expires
  });

  it('rate-limit windows are kept only for tokens the fixtures define, whatever credentials arrive', async () => {
    const emulator = testEmulator();
    const book = emulator.tenants.default.rateLimits;
    const keys = new Set<string>();
    // Spy on the book's entry points: every key it is asked about ends up as a stored window.
    const { consume, status } = book;
    Object.assign(book, {
      consume: (token: string, limit: number) => (keys.add(token), consume(token, limit)),
      status: (token: string, limit: number) => (keys.add(token), status(token, limit)),
    });
    const random = createRandom(11);
    const junk = () => Array.from({ length: random.int(1, 60) }, () => String.fromCharCode(random.int(33, 126))).join('');
    const prefixes = ['ghp_', 'github_pat_', 'gho_', 'ghu_', 'ghs_', ''];
    for (let i = 0; i < 300; i++) {
      const scheme = random.pick(['Bearer ', 'token ', 'Basic ', '']);
      const res = await emulator.request(REPO, { token: null, headers: { authorization: `${scheme}${random.pick(prefixes)}${junk()}` } });
      expect(res.status).toBe(401);
      expect(res.headers.get('x-ratelimit-used')).toBeNull();
    }
    for (const token of Object.values(TOKENS)) await emulator.request(REPO, { token });
    const fixtureTokens = new Set(emulator.tenants.default.world.directory.tokens.keys());
    expect(keys.size).toBeGreaterThan(0);
    expect([...keys].filter((k) => !fixtureTokens.has(k))).toEqual([]);
  });
});
