import { describe, expect, it } from 'vitest';
import { TOKENS, testEmulator } from '../support/emulator.js';

const REPO = '/agents/repos/octocat/hello-world/tasks';

describe('a task lives its scenario, seen only through the public API', () => {
  it('a polling client sees queued, in_progress, completed with timestamps from the clock', async () => {
    const { create, json, tenants } = testEmulator();
    const { body: task } = await create({ prompt: 'Fix the login button', create_pull_request: true });
    const poll = async () => (await json(`${REPO}/${task.id}`)).body;
    expect((await poll()).state).toBe('queued');
    tenants.default.clock.advance(3_000);
    const working = await poll();
    expect(working).toMatchObject({ state: 'in_progress', updated_at: '2026-11-01T12:00:03Z' });
    expect(working.sessions[0].head_ref).toMatch(/^copilot\//);
    tenants.default.clock.advance(60_000);
    const done = await poll();
    expect(done).toMatchObject({ state: 'completed', updated_at: '2026-11-01T12:00:33Z', session_count: 1 });
    expect(done.sessions[0]).toMatchObject({ state: 'completed', completed_at: '2026-11-01T12:00:33Z', usage: { type: 'ai_credits' } });
    expect(done.artifacts).toEqual([{ provider: 'github', type: 'pull', data: { id: expect.any(Number), global_id: expect.any(String) } }]);
  });

  it('the list, since filter and ETag follow the clock too', async () => {
    const { create, json, request, tenants } = testEmulator();
    const { body: task } = await create({ prompt: 'Watch me' });
    const etag = (await request(`/agents/tasks/${task.id}`)).headers.get('etag')!;
    tenants.default.clock.advance(5_000);
    const fresh = await request(`/agents/tasks/${task.id}`, { headers: { 'if-none-match': etag } });
    expect(fresh.status).toBe(200);
    const since = await json(`${REPO}?since=2026-11-01T12:00:02Z&state=in_progress`);
    expect(since.body.tasks.map((t: any) => t.id)).toEqual([task.id]);
  });

  it('the prompt directive and the x-emulator-scenario header choose scenarios; unknown ones are a 422', async () => {
    const { create, json, tenants } = testEmulator();
    const a = await create({ prompt: 'Break it [emulator:scenario=fails]' });
    const b = await create({ prompt: 'Idle it' }, { headers: { 'x-emulator-scenario': 'goes-idle' } });
    tenants.default.clock.advance(60_000);
    expect((await json(`/agents/tasks/${a.body.id}`)).body).toMatchObject({ state: 'failed', sessions: [{ error: { message: expect.any(String) } }] });
    expect((await json(`/agents/tasks/${b.body.id}`)).body.state).toBe('idle');
    const bad = await create({ prompt: 'x' }, { headers: { 'x-emulator-scenario': 'nope' } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]).toMatchObject({ field: 'x-emulator-scenario', code: 'invalid', message: expect.stringContaining('known: branch-only') });
  });

  it('a repository default scenario from the fixtures applies when nothing else chooses', async () => {
    const { loadFixtures } = await import('../../src/fixtures/load-fixtures.js');
    const fixtures = loadFixtures();
    const repo = fixtures.directory.repositories.get('octocat/spoon-knife')!;
    (repo as { defaultScenario?: string }).defaultScenario = 'cancelled';
    const { create, json, tenants } = testEmulator({ fixtures });
    const { body } = await create({ prompt: 'x' }, { repo: 'octocat/spoon-knife' });
    tenants.default.clock.advance(60_000);
    expect((await json(`/agents/tasks/${body.id}`)).body.state).toBe('cancelled');
  });

  it('an unknown repository default scenario stops start-up', async () => {
    const { loadFixtures } = await import('../../src/fixtures/load-fixtures.js');
    const fixtures = loadFixtures();
    (fixtures.directory.repositories.get('octocat/spoon-knife') as { defaultScenario?: string }).defaultScenario = 'nope';
    expect(() => testEmulator({ fixtures })).toThrow(/octocat\/spoon-knife: unknown default_scenario nope/);
    expect(() => testEmulator({ defaultScenario: 'nope' })).toThrow(/unknown scenario nope/);
  });

  it('a scaled clock runs scenarios faster than real time', async () => {
    let real = 0;
    const { create, json } = testEmulator({ clockMode: 'scaled', timeScale: 60, timeSource: () => real });
    const { body } = await create({ prompt: 'fast' });
    real += 1_000; // one real second is a virtual minute
    expect((await json(`/agents/tasks/${body.id}`)).body.state).toBe('completed');
  });

  it('each of the eight states is reachable through a built-in scenario over HTTP', async () => {
    const { create, json, tenants } = testEmulator();
    const reached = new Set<string>();
    const scenarios = ['happy-path', 'fails', 'times-out', 'goes-idle', 'cancelled', 'waits-for-user'];
    const ids = [];
    for (const s of scenarios) ids.push((await create({ prompt: `[emulator:scenario=${s}]` })).body.id);
    for (let minute = 0; minute <= 70; minute++) {
      for (const id of ids) reached.add((await json(`/agents/tasks/${id}`)).body.state);
      tenants.default.clock.advance(minute === 0 ? 3_000 : 60_000);
    }
    expect([...reached].sort()).toEqual(['cancelled', 'completed', 'failed', 'idle', 'in_progress', 'queued', 'timed_out', 'waiting_for_user']);
  });
});

describe('tenants', () => {
  it('/t/{name}/ addresses another tenant, created on first use, isolated from the root', async () => {
    const { create, json, request } = testEmulator();
    const { body: task } = await create({ prompt: 'root task' });
    expect((await json(`/t/job-1/agents/tasks/${task.id}`)).status).toBe(404);
    const created = await json(`/t/job-1${REPO}`, { method: 'POST', body: JSON.stringify({ prompt: 'tenant task' }) });
    expect(created.status).toBe(201);
    expect(created.body.url).toBe(`http://localhost/t/job-1${REPO}/${created.body.id}`);
    expect((await json(`/agents/tasks/${created.body.id}`)).status).toBe(404);
    expect((await request(`/t/job-1/agents/tasks/${created.body.id}`)).status).toBe(200);
  });

  it('advancing or resetting one tenant never touches another', async () => {
    const { json, tenants } = testEmulator();
    const a = await json(`/t/a${REPO}`, { method: 'POST', body: JSON.stringify({ prompt: 'a' }) });
    const b = await json(`/t/b${REPO}`, { method: 'POST', body: JSON.stringify({ prompt: 'b' }) });
    await json('/t/a/_emulator/clock/advance', { method: 'POST', body: JSON.stringify({ by: '5m' }) });
    expect((await json(`/t/a/agents/tasks/${a.body.id}`)).body.state).toBe('completed');
    expect((await json(`/t/b/agents/tasks/${b.body.id}`)).body.state).toBe('queued');
    await json('/t/a/_emulator/reset', { method: 'POST' });
    expect((await json(`/t/a/agents/tasks/${a.body.id}`)).status).toBe(404);
    expect((await json(`/t/b/agents/tasks/${b.body.id}`)).status).toBe(200);
    expect(tenants.names()).toEqual(expect.arrayContaining(['default', 'a', 'b']));
  });

  it('a bad tenant name is a 404', async () => {
    const { json } = testEmulator();
    expect((await json('/t/..bad/agents/tasks')).status).toBe(404);
    expect((await json(`/t/${'x'.repeat(80)}/agents/tasks`)).status).toBe(404);
  });

  it('rate limits are counted per tenant', async () => {
    const { request } = testEmulator();
    await request(REPO);
    const other = await request(`/t/x${REPO}`);
    expect(other.headers.get('x-ratelimit-used')).toBe('1');
  });

  it('idle tenants expire and the number of tenants is capped', async () => {
    let real = 0;
    const { request, tenants } = testEmulator({ tenantIdleMs: 10_000, maxTenants: 3, timeSource: () => real });
    await request(`/t/one${REPO}`);
    await request(`/t/two${REPO}`);
    expect((await request(`/t/three${REPO}`)).status).toBe(503);
    expect(tenants.names()).toEqual(['default', 'one', 'two']);
    real += 20_000;
    await request(`/t/four${REPO}`, { token: TOKENS.octocat });
    expect(tenants.names()).toEqual(['default', 'four']);
  });
});
