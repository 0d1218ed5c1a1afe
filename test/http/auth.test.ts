import { describe, expect, it } from 'vitest';
import { TOKENS, testEmulator } from '../support/emulator.js';

const REPO_TASKS = '/agents/repos/octocat/hello-world/tasks';
const DOCS = {
  listRepo: 'https://docs.github.com/rest/agent-tasks/agent-tasks#list-tasks-for-repository',
  create: 'https://docs.github.com/rest/agent-tasks/agent-tasks#start-a-task',
  list: 'https://docs.github.com/rest/agent-tasks/agent-tasks#list-tasks',
};

describe('authentication and authorisation', () => {
  it('without a token: 401 Requires authentication', async () => {
    const { json } = testEmulator();
    const { status, body } = await json(REPO_TASKS, { token: null });
    expect(status).toBe(401);
    expect(body).toEqual({ message: 'Requires authentication', documentation_url: DOCS.listRepo, status: '401' });
  });

  it.each(['Bearer ghp_doesNotExist', 'token ghp_doesNotExist', 'Basic Zm9vOmJhcg==', 'Bearer'])(
    'an unknown or malformed credential (%s): 401 Bad credentials',
    async (authorization) => {
      const { json } = testEmulator();
      const { status, body } = await json('/agents/tasks', { headers: { authorization } });
      expect(status).toBe(401);
      expect(body).toEqual({ message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
    },
  );

  it('accepts both "Bearer" and "token" schemes, case-insensitively', async () => {
    const { json } = testEmulator();
    for (const authorization of [`Bearer ${TOKENS.octocat}`, `token ${TOKENS.octocat}`, `bearer ${TOKENS.octocat}`]) {
      expect((await json('/agents/tasks', { headers: { authorization } })).status).toBe(200);
    }
  });

  it('a GitHub App installation token is refused with 403 on every operation', async () => {
    const { json, create } = testEmulator();
    for (const path of [REPO_TASKS, '/agents/tasks', `${REPO_TASKS}/x`, '/agents/tasks/x']) {
      const { status, body } = await json(path, { token: TOKENS.installation });
      expect(status, path).toBe(403);
      expect(body.message).toBe('Resource not accessible by integration');
    }
    const created = await create({ prompt: 'hi' }, { token: TOKENS.installation });
    expect(created.status).toBe(403);
    expect(created.body).toEqual({ message: 'Resource not accessible by integration', documentation_url: DOCS.create, status: '403' });
  });

  it('a read-only fine-grained token reads but may not start a task', async () => {
    const { json, create } = testEmulator();
    expect((await json(REPO_TASKS, { token: TOKENS.readOnly })).status).toBe(200);
    const { status, body } = await create({ prompt: 'Please' }, { token: TOKENS.readOnly });
    expect(status).toBe(403);
    expect(body).toEqual({ message: 'Resource not accessible by personal access token', documentation_url: DOCS.create, status: '403' });
  });

  it('a fine-grained token without the Agent tasks permission gets 403 on reads too', async () => {
    const { json } = testEmulator();
    for (const path of [REPO_TASKS, '/agents/tasks']) {
      const { status, body } = await json(path, { token: TOKENS.noAgentTasks });
      expect(status, path).toBe(403);
      expect(body.message).toBe('Resource not accessible by personal access token');
    }
  });

  it('a fine-grained token limited to some repositories sees 404 elsewhere and only those tasks in its own list', async () => {
    const { json } = testEmulator();
    expect((await json('/agents/repos/octocat/spoon-knife/tasks', { token: TOKENS.readOnly })).status).toBe(404);
    const mine = await json('/agents/tasks?per_page=100', { token: TOKENS.readOnly });
    expect(mine.status).toBe(200);
    expect(mine.body.tasks.length).toBeGreaterThan(0);
    expect(mine.body.tasks.every((t: any) => t.repository.id === 1296269)).toBe(true);
    const everything = await json('/agents/tasks?per_page=100');
    expect(everything.body.tasks.some((t: any) => t.repository.id !== 1296269)).toBe(true);
    expect(mine.body.total_active_count).toBeLessThan(everything.body.total_active_count);
  });

  it('a read-write fine-grained token, an OAuth token and an app user token can start tasks', async () => {
    const { create } = testEmulator();
    for (const token of [TOKENS.readWrite, TOKENS.oauth, TOKENS.appUser]) {
      expect((await create({ prompt: 'ok' }, { token })).status).toBe(201);
    }
  });

  it('a repository the caller may not see is a 404, not a 403', async () => {
    const { json, create } = testEmulator();
    const { status, body } = await json('/agents/repos/hubot/secret-plans/tasks');
    expect(status).toBe(404);
    expect(body).toEqual({ message: 'Not Found', documentation_url: DOCS.listRepo, status: '404' });
    expect((await create({ prompt: 'x' }, { repo: 'hubot/secret-plans' })).status).toBe(404);
    expect((await json('/agents/repos/hubot/secret-plans/tasks', { token: TOKENS.hubot })).status).toBe(200);
  });

  it('organisation members may use the organisation repositories; others get 404', async () => {
    const { json } = testEmulator();
    expect((await json('/agents/repos/octo-org/octo-repo/tasks', { token: TOKENS.monalisa })).status).toBe(200);
    expect((await json('/agents/repos/octo-org/octo-repo/tasks', { token: TOKENS.hubot })).status).toBe(404);
  });

  it('a repository that does not exist is a 404', async () => {
    const { json } = testEmulator();
    expect((await json('/agents/repos/octocat/nope/tasks')).status).toBe(404);
    expect((await json('/agents/repos/nobody/nothing/tasks/abc')).status).toBe(404);
  });
});
