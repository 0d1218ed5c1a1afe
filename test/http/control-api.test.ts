import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { TASK_STATES } from '../../src/model/task-record.js';
import { NOW, testEmulator } from '../support/emulator.js';

const REPO = '/agents/repos/octocat/hello-world/tasks';
const post = (body?: unknown) => ({ method: 'POST', body: body === undefined ? undefined : JSON.stringify(body), token: null });

describe('control API', () => {
  it('health answers 200 without a token', async () => {
    const { json } = testEmulator();
    const { status, body } = await json('/_emulator/health', { token: null });
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', tenant: 'default', tasks: 185 });
  });

  it('clock: get, advance by a duration or ms, set forward only', async () => {
    const { json } = testEmulator();
    expect((await json('/_emulator/clock', { token: null })).body).toMatchObject({ now: new Date(NOW).toISOString(), mode: 'manual', scale: 0 });
    expect((await json('/_emulator/clock/advance', post({ by: '1h30m' }))).body.now).toBe('2026-11-01T13:30:00.000Z');
    expect((await json('/_emulator/clock/advance', post({ ms: 500 }))).body.epoch_ms).toBe(NOW + 5_400_500);
    expect((await json('/_emulator/clock/set', post({ now: '2026-12-24T00:00:00Z' }))).body.now).toBe('2026-12-24T00:00:00.000Z');
    const back = await json('/_emulator/clock/set', post({ now: '2026-01-01T00:00:00Z' }));
    expect(back.status).toBe(409);
    expect(back.body.message).toMatch(/only moves forward/);
    expect((await json('/_emulator/clock', { token: null })).body.now).toBe('2026-12-24T00:00:00.000Z');
  });

  it.each([
    ['/_emulator/clock/advance', '{"by":', 400, 'Problems parsing JSON'],
    ['/_emulator/clock/advance', '[1]', 400, 'Body should be a JSON object'],
    ['/_emulator/clock/advance', '{"by":"soon"}', 422, 'Validation Failed'],
    ['/_emulator/clock/advance', '{}', 422, 'Validation Failed'],
    ['/_emulator/clock/advance', '{"ms":-1}', 422, 'Validation Failed'],
    ['/_emulator/clock/set', '{"now":"tomorrow"}', 422, 'Validation Failed'],
    ['/_emulator/outcomes', '{"scenarios":["nope"]}', 422, 'Validation Failed'],
    ['/_emulator/seed', '{"seed":"x"}', 422, 'Validation Failed'],
    ['/_emulator/tasks', '{"tasks":[{"repository":"octocat/hello-world","creator":"octocat","prompt":"a"},{"repository":"no/pe","creator":"octocat","prompt":"b"}]}', 422, 'Validation Failed'],
  ])('POST %s %s is a %i and changes nothing', async (path, body, status, message) => {
    const { json, tenants } = testEmulator();
    const before = { now: tenants.default.clock.now(), tasks: tenants.default.world.store.count(), queued: tenants.default.engine.outcomes() };
    const res = await json(path, { method: 'POST', body, token: null });
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ message, documentation_url: 'http://localhost/_emulator/openapi.yaml', status: String(status) });
    expect({ now: tenants.default.clock.now(), tasks: tenants.default.world.store.count(), queued: tenants.default.engine.outcomes() }).toEqual(before);
  });

  it('scenarios: list, set the default, queue outcomes', async () => {
    const { json, create } = testEmulator();
    const list = await json('/_emulator/scenarios', { token: null });
    expect(list.body.default).toBe('happy-path');
    expect(list.body.scenarios.find((s: any) => s.name === 'waits-for-user').steps).toContainEqual({ state: 'in_progress', on: 'answer', new_session: true });
    expect((await json('/_emulator/scenarios/default', { method: 'PUT', body: JSON.stringify({ name: 'fails' }), token: null })).body).toEqual({ default: 'fails' });
    expect((await json('/_emulator/scenarios/default', { method: 'PUT', body: JSON.stringify({ name: 'nope' }), token: null })).status).toBe(422);
    expect((await json('/_emulator/outcomes', post({ scenarios: ['cancelled'] }))).body).toEqual({ queued: ['cancelled'] });
    const first = await create({ prompt: 'one' });
    const second = await create({ prompt: 'two' });
    expect((await json(`/_emulator/tasks/${first.body.id}`, { token: null })).body.scenario).toMatchObject({ name: 'cancelled', step: 0 });
    expect((await json(`/_emulator/tasks/${second.body.id}`, { token: null })).body.scenario).toMatchObject({ name: 'fails', next_state: 'in_progress' });
    await json('/_emulator/outcomes', post({ scenarios: ['fails'] }));
    expect((await json('/_emulator/outcomes', { method: 'DELETE', token: null })).status).toBe(204);
    expect((await json('/_emulator/outcomes', { token: null })).body).toEqual({ queued: [] });
  });

  it('moves a task to each of the eight states through legal moves; an illegal move is a 409 with the reason', async () => {
    const { json } = testEmulator();
    const reached = new Set<string>(['queued']);
    for (const target of TASK_STATES.filter((s) => s !== 'queued')) {
      const loaded = await json('/_emulator/tasks', post({ tasks: [{ repository: 'octocat/hello-world', creator: 'octocat', prompt: target }] }));
      const id = loaded.body.tasks[0].id;
      if (target !== 'cancelled') expect((await json(`/_emulator/tasks/${id}/state`, post({ state: 'in_progress' }))).status).toBe(200);
      if (target !== 'in_progress') {
        const moved = await json(`/_emulator/tasks/${id}/state`, post({ state: target }));
        expect(moved.status, target).toBe(200);
        expect(moved.body.scenario).toBeNull();
      }
      const seen = await json(`/agents/tasks/${id}`);
      reached.add(seen.body.state);
    }
    expect([...reached].sort()).toEqual([...TASK_STATES].sort());
    const loaded = await json('/_emulator/tasks', post({ tasks: [{ repository: 'octocat/hello-world', creator: 'octocat', prompt: 'x', state: 'completed' }] }));
    const illegal = await json(`/_emulator/tasks/${loaded.body.tasks[0].id}/state`, post({ state: 'in_progress' }));
    expect(illegal.status).toBe(409);
    expect(illegal.body).toMatchObject({ message: expect.stringMatching(/Cannot move a task from completed to in_progress/), status: '409' });
    expect((await json('/_emulator/tasks/nope/state', post({ state: 'failed' }))).status).toBe(404);
    expect((await json(`/_emulator/tasks/${loaded.body.tasks[0].id}/state`, post({ state: 'done' }))).status).toBe(422);
  });

  it('cancel, answer, follow up, archive and unarchive', async () => {
    const { json, create } = testEmulator();
    const waiting = await create({ prompt: '[emulator:scenario=waits-for-user]' });
    await json('/_emulator/clock/advance', post({ by: '30s' }));
    expect((await json(`/_emulator/tasks/${waiting.body.id}/answer`, post({}))).status).toBe(422);
    const answered = await json(`/_emulator/tasks/${waiting.body.id}/answer`, post({ prompt: 'Yes, use v2' }));
    expect(answered.status).toBe(200);
    expect(answered.body.task).toMatchObject({ state: 'in_progress', session_count: 2, sessions: [{ state: 'completed' }, { prompt: 'Yes, use v2' }] });
    expect((await json(`/_emulator/tasks/${waiting.body.id}/answer`, post({ prompt: 'again' }))).status).toBe(409);
    const cancelled = await json(`/_emulator/tasks/${waiting.body.id}/cancel`, post());
    expect(cancelled.body.task.state).toBe('cancelled');
    expect((await json(`/_emulator/tasks/${waiting.body.id}/cancel`, post())).status).toBe(409);
    const followed = await json(`/_emulator/tasks/${waiting.body.id}/follow-up`, post({ prompt: 'Please finish' }));
    expect(followed.body.task).toMatchObject({ state: 'queued', session_count: 3 });
    const archived = await json(`/_emulator/tasks/${waiting.body.id}/archive`, post());
    expect(archived.body.task.archived_at).toBe('2026-11-01T12:00:30Z');
    const list = await json(`${REPO}?is_archived=true&per_page=100`);
    expect(list.body.tasks.map((t: any) => t.id)).toContain(waiting.body.id);
    expect((await json(`/_emulator/tasks/${waiting.body.id}/unarchive`, post())).body.task.archived_at).toBeNull();
  });

  it('loads tasks in a state or on a scenario, and refuses a scenario with a non-queued state', async () => {
    const { json } = testEmulator();
    const loaded = await json(
      '/_emulator/tasks',
      post({
        tasks: [
          { repository: 'octocat/hello-world', creator: 'monalisa', prompt: 'done', state: 'completed', create_pull_request: true, created_at: '2026-10-30T00:00:00Z' },
          { repository: 'octocat/hello-world', creator: 'octocat', prompt: 'scripted', scenario: 'fails', archived: true },
        ],
      }),
    );
    expect(loaded.status).toBe(201);
    expect(loaded.body.tasks[0]).toMatchObject({ state: 'completed', creator: { id: 2154 }, created_at: '2026-10-30T00:00:00Z', artifacts: [{ type: 'pull' }] });
    expect(loaded.body.tasks[1]).toMatchObject({ state: 'queued', archived_at: expect.any(String) });
    const refused = await json('/_emulator/tasks', post({ tasks: [{ repository: 'octocat/hello-world', creator: 'octocat', prompt: 'x', scenario: 'fails', state: 'failed' }] }));
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({ field: 'tasks.0.scenario' });
  });

  it('a load refused after readying a task on a scenario leaves no step behind: its due time passing changes no index', async () => {
    const { json, tenants } = testEmulator();
    const tasks = [
      { repository: 'octocat/hello-world', creator: 'octocat', prompt: 'readied, never stored', scenario: 'happy-path' },
      { repository: 'no/pe', creator: 'octocat', prompt: 'refused' },
    ];
    expect((await json('/_emulator/tasks', post({ tasks }))).status).toBe(422);
    await json('/_emulator/clock/advance', post({ by: '1h' }));
    const { store } = tenants.default.world;
    const inRepository = [...store.all()].filter((t) => t.ownerLogin === 'octocat' && t.repositoryName === 'hello-world');
    const repositoryId = inRepository[0]!.repositoryId;
    const listed = (archived: boolean) =>
      store.query({ scope: { kind: 'repository', repositoryId }, archived, sort: 'created_at', direction: 'asc', offset: 0, limit: 100_000 });
    const [active, archived] = [listed(false), listed(true)];
    expect(active.tasks.length + archived.tasks.length).toBe(inRepository.length);
    expect(active.totalActive + active.totalArchived).toBe(inRepository.length);
    expect(active.tasks.map((t) => t.sessions[0]!.prompt)).not.toContain('readied, never stored');
  });

  it('a load refused after a task that would have opened a draft pull request leaves no pull request or branch behind', async () => {
    const { json } = testEmulator();
    const pulls = async () => (await json('/repos/octocat/hello-world/pulls?state=all&per_page=100')).body as Array<{ title: string }>;
    const before = (await pulls()).length;
    const tasks = [
      { repository: 'octocat/hello-world', creator: 'octocat', prompt: 'Worked on, never stored', state: 'in_progress', create_pull_request: true },
      { repository: 'octocat/hello-world', creator: 'octocat', prompt: 'refused', scenario: 'no-such-scenario' },
    ];
    const refused = await json('/_emulator/tasks', post({ tasks }));
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({ field: 'tasks.1.scenario' });
    expect((await pulls()).map((p) => p.title)).not.toContain('Worked on, never stored');
    expect((await pulls()).length).toBe(before);
    // The same load without the refused task opens it.
    expect((await json('/_emulator/tasks', post({ tasks: tasks.slice(0, 1) }))).status).toBe(201);
    expect((await pulls()).map((p) => p.title)).toContain('Worked on, never stored');
  });

  it('reset returns to the fixtures; seed regenerates with another seed', async () => {
    const { json, create } = testEmulator();
    const first = (await json(`${REPO}?per_page=1`)).body.tasks[0].id;
    const { body } = await create({ prompt: 'temporary' });
    await json('/_emulator/clock/advance', post({ by: '1h' }));
    const reset = await json('/_emulator/reset', post());
    expect(reset.body).toMatchObject({ tenant: 'default', tasks: 185, now: new Date(NOW).toISOString() });
    expect((await json(`/agents/tasks/${body.id}`)).status).toBe(404);
    expect((await json(`${REPO}?per_page=1`)).body.tasks[0].id).toBe(first);
    await json('/_emulator/seed', post({ seed: 7 }));
    expect((await json(`${REPO}?per_page=1`)).body.tasks[0].id).not.toBe(first);
  });

  it('the journal keeps API requests (not control ones), filters them, and clears', async () => {
    const { json, request, create } = testEmulator({ journalSize: 3 });
    await request(REPO);
    await request('/agents/tasks/nope');
    await create({ prompt: 'x' });
    await request(REPO, { token: null });
    const all = await json('/_emulator/journal', { token: null });
    expect(all.body.capacity).toBe(3);
    expect(all.body.entries.map((e: any) => [e.method, e.path, e.status])).toEqual([
      ['GET', '/agents/tasks/nope', 404],
      ['POST', REPO, 201],
      ['GET', REPO, 401],
    ]);
    expect(all.body.entries[0]).toMatchObject({ at: new Date(NOW).toISOString(), requestId: expect.stringMatching(/:/) });
    expect((await json('/_emulator/journal?method=post', { token: null })).body.entries).toHaveLength(1);
    expect((await json('/_emulator/journal?status=401', { token: null })).body.entries).toHaveLength(1);
    expect((await json(`/_emulator/journal?path=${REPO}`, { token: null })).body.entries).toHaveLength(2);
    expect((await json('/_emulator/journal?status=abc', { token: null })).status).toBe(422);
    await request('/_emulator/journal', { method: 'DELETE', token: null });
    expect((await json('/_emulator/journal', { token: null })).body.entries).toEqual([]);
  });

  it("a tenant's journal shows paths past its /t/{name} prefix and leaves out its control requests", async () => {
    const { json, request } = testEmulator();
    await request(`/t/team-a${REPO}?state=queued`);
    await request('/t/team-a/_emulator/clock', { token: null });
    await request(`/t/team-ab${REPO}`);
    await request('/t/team-a');
    const entries = (await json('/t/team-a/_emulator/journal', { token: null })).body.entries;
    expect(entries.map((e: any) => [e.method, e.path, e.query, e.status])).toEqual([
      ['GET', REPO, '?state=queued', 200],
      ['GET', '/t/team-a', '', 404],
    ]);
    expect((await json('/_emulator/journal', { token: null })).body.entries).toEqual([]);
  });

  it('with a control token, control endpoints but health need it', async () => {
    const { json } = testEmulator({ controlToken: 's3cret' });
    expect((await json('/_emulator/health', { token: null })).status).toBe(200);
    const refused = await json('/_emulator/clock', { token: null });
    expect(refused.status).toBe(401);
    expect(refused.body.message).toMatch(/control token/);
    expect((await json('/_emulator/clock', { token: 'wrong' })).status).toBe(401);
    expect((await json('/_emulator/clock', { token: 's3cret' })).status).toBe(200);
    expect((await json('/_emulator/clock', { token: null, headers: { 'x-emulator-control-token': 's3cret' } })).status).toBe(200);
  });

  it('a path under /_emulator that no endpoint answers gets a 404 naming the endpoints near it; GitHub paths keep GitHub\'s 404', async () => {
    const { json } = testEmulator();
    const wrong = await json('/_emulator/clock', post({ by: '5m' }));
    expect(wrong.status).toBe(404);
    expect(wrong.body).toEqual({
      message: 'Not Found: no control endpoint POST /_emulator/clock. Near it: GET /_emulator/clock, POST /_emulator/clock/advance, POST /_emulator/clock/set.',
      documentation_url: 'http://localhost/_emulator/openapi.yaml',
      status: '404',
    });
    const inTenant = await json('/t/ci-1/_emulator/tasks/abc/statee', post({ state: 'failed' }));
    expect(inTenant.status).toBe(404);
    expect(inTenant.body.message).toContain('POST /t/ci-1/_emulator/tasks/{task_id}/state');
    expect(inTenant.body.documentation_url).toBe('http://localhost/t/ci-1/_emulator/openapi.yaml');
    const typo = await json('/_emulator/clok', { token: null });
    expect(typo.body.message).toMatch(/^Not Found: no control endpoint GET \/_emulator\/clok\. Control paths go on from \/_emulator\/ with .*\bclock, .*\btasks\b/);
    const github = await json('/agents/nope');
    expect(github.status).toBe(404);
    expect(github.body).toEqual({ message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });
  });

  it('every control route is described in openapi/emulator.yaml, which the emulator serves', async () => {
    const { app, request } = testEmulator();
    const described = parse(readFileSync('openapi/emulator.yaml', 'utf8')).paths as Record<string, Record<string, unknown>>;
    const routes = app.routes
      .filter((r) => r.path.startsWith('/_emulator/') && r.method !== 'ALL')
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:([a-z_]+)/g, '{$1}')}`);
    expect(routes.length).toBeGreaterThan(15);
    for (const route of routes) {
      const [method, path] = route.split(' ') as [string, string];
      expect(described[path]?.[method], route).toBeDefined();
    }
    const served = await request('/_emulator/openapi.yaml', { token: null });
    expect(served.headers.get('content-type')).toMatch(/yaml/);
    expect(parse(await served.text()).info.title).toMatch(/control API/);
  });
});

describe('journal and faults', () => {
  it('marks injected faults in the journal, including connections cut in process (status 0)', async () => {
    const { json, request, app } = testEmulator();
    await json('/_emulator/faults', post({ match: { path: '/agents/tasks' }, error: { status: 502 }, when: { times: 1 } }));
    await json('/_emulator/faults', post({ match: { path: '/agents/tasks/*' }, connection: 'drop', when: { times: 1 } }));
    expect((await request('/agents/tasks')).status).toBe(502);
    await expect(app.request('/agents/tasks/abc', { headers: { authorization: 'Bearer ghp_octocatEmulatorClassicToken000000000' } })).rejects.toThrow('fetch failed');
    const entries = (await json('/_emulator/journal', { token: null })).body.entries;
    expect(entries.map((e: any) => [e.path, e.status, e.fault?.kind])).toEqual([
      ['/agents/tasks', 502, 'error'],
      ['/agents/tasks/abc', 0, 'drop'],
    ]);
  });
});
