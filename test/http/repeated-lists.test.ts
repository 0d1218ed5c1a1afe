import { describe, expect, it } from 'vitest';
import { TOKENS, testEmulator } from '../support/emulator.js';

// A list asked again is assembled from kept task bodies while nothing it depends on changed
// (http/agent-tasks/present-cache.ts). These ask each list twice around every kind of change,
// and check the second answer against what changed.
const REPO_TASKS = '/agents/repos/octocat/hello-world/tasks';
const post = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

describe('a list asked again', () => {
  it('is the same answer while nothing changed, and shows a task created in between', async () => {
    const { json, create } = testEmulator();
    const first = await json(`${REPO_TASKS}?per_page=5`);
    const again = await json(`${REPO_TASKS}?per_page=5`);
    expect(again.body).toEqual(first.body);
    expect(again.res.headers.get('etag')).toBe(first.res.headers.get('etag'));
    expect(again.res.headers.get('link')).toBe(first.res.headers.get('link'));
    // Rate limits are counted on every request, answered from memory or not.
    expect(Number(again.res.headers.get('x-ratelimit-remaining'))).toBe(Number(first.res.headers.get('x-ratelimit-remaining')) - 1);
    const made = await create({ prompt: 'Add a changelog' });
    const after = await json(`${REPO_TASKS}?per_page=5`);
    expect(after.body.tasks[0].id).toBe(made.body.id);
    expect(after.body.total_active_count).toBe(first.body.total_active_count + 1);
    expect(after.res.headers.get('etag')).not.toBe(first.res.headers.get('etag'));
    const mine = await json('/agents/tasks?per_page=5');
    expect((await json('/agents/tasks?per_page=5')).body).toEqual(mine.body);
    expect(mine.body.tasks[0].id).toBe(made.body.id);
  });

  it('shows the states the clock moved tasks to', async () => {
    const { json, create } = testEmulator();
    const made = await create({ prompt: 'Fix the flaky test' });
    const url = `${REPO_TASKS}?state=queued,in_progress&sort=created_at`;
    expect((await json(url)).body.tasks[0]).toMatchObject({ id: made.body.id, state: 'queued' });
    expect((await json(url)).body.tasks[0]).toMatchObject({ id: made.body.id, state: 'queued' });
    await json('/_emulator/clock/advance', { ...post({ by: '5s' }), token: null });
    expect((await json(url)).body.tasks[0]).toMatchObject({ id: made.body.id, state: 'in_progress' });
    await json('/_emulator/clock/advance', { ...post({ by: '1h' }), token: null });
    expect((await json(url)).body.tasks.map((t: any) => t.id)).not.toContain(made.body.id);
  });

  it("is another caller's own answer, and still refuses a caller without access", async () => {
    const { json } = testEmulator();
    const asOctocat = await json('/agents/tasks');
    const asMonalisa = await json('/agents/tasks', { token: TOKENS.monalisa });
    expect(asMonalisa.status).toBe(200);
    expect(asMonalisa.body).not.toEqual(asOctocat.body);
    expect((await json('/agents/tasks', { token: TOKENS.monalisa })).body).toEqual(asMonalisa.body);
    // The read-only token sees octocat's tasks in hello-world only.
    const readOnly = await json('/agents/tasks', { token: TOKENS.readOnly });
    expect(readOnly.body.tasks.every((t: any) => t.repository.id === 1296269)).toBe(true);
    expect(readOnly.body.total_active_count).toBeLessThan(asOctocat.body.total_active_count);
    // A private repository answered for its owner stays a 404 for anyone else, and a 401 without a token.
    const secret = '/agents/repos/hubot/secret-plans/tasks';
    expect((await json(secret, { token: TOKENS.hubot })).status).toBe(200);
    expect((await json(secret, { token: TOKENS.hubot })).status).toBe(200);
    expect((await json(secret, { token: TOKENS.octocat })).status).toBe(404);
    expect((await json(secret, { token: null })).status).toBe(401);
    expect((await json(REPO_TASKS, { token: TOKENS.noAgentTasks })).status).toBe(403);
  });

  it('answers a bad query with 422 before any access check, however often it is asked', async () => {
    const { json } = testEmulator();
    for (let i = 0; i < 2; i++) expect((await json('/agents/repos/nobody/nothing/tasks?state=bogus')).status).toBe(422);
    for (let i = 0; i < 2; i++) expect((await json('/agents/repos/nobody/nothing/tasks')).status).toBe(404);
  });

  it("is the tenant's own, and a reset tenant's fresh one", async () => {
    const { json, create } = testEmulator();
    const before = await json(`/t/team-a${REPO_TASKS}`);
    await create({ prompt: 'Only in the default tenant' });
    expect((await json(`/t/team-a${REPO_TASKS}`)).body).toEqual(before.body);
    await json(`/t/team-a${REPO_TASKS}`, post({ prompt: 'In team-a' }));
    expect((await json(`/t/team-a${REPO_TASKS}`)).body.total_active_count).toBe(before.body.total_active_count + 1);
    await json('/t/team-a/_emulator/reset', { ...post({}), token: null });
    expect((await json(`/t/team-a${REPO_TASKS}`)).body).toEqual(before.body);
  });
});
