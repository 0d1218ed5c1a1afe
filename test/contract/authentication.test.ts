import { describe, expect } from 'vitest';
import { contractTest } from './harness/contract-test.js';
import { GENERIC_DOCS_URL, expectError, show } from './harness/expectations.js';

// Any id will do: authentication is checked before the task is looked up.
const SOME_TASK_ID = '00000000-0000-4000-8000-000000000000';

describe('authentication', () => {
  contractTest(
    'without a token every operation answers 401 Requires authentication, with its own documentation URL',
    { runsOn: 'both', behaviour: 'auth.requires-authentication' },
    async ({ api }) => {
      const calls = [
        ['agent-tasks/list-tasks-for-repo', () => api.get(api.tasksPath(), {}, { token: null })],
        ['agent-tasks/get-task-by-repo-and-id', () => api.get(api.tasksPath(`/${SOME_TASK_ID}`), {}, { token: null })],
        ['agent-tasks/list-tasks', () => api.get('/agents/tasks', {}, { token: null })],
        ['agent-tasks/get-task-by-id', () => api.get(`/agents/tasks/${SOME_TASK_ID}`, {}, { token: null })],
        ['agent-tasks/create-task-in-repo', () => api.createTask({ prompt: 'never started: no token' }, { token: null })],
      ] as const;
      for (const [operation, call] of calls) expectError(await call(), 401, 'Requires authentication', api.docsUrl(operation));
    },
  );

  contractTest(
    'an unknown token answers 401 Bad credentials with the generic documentation URL',
    {
      runsOn: 'both',
      behaviour: 'auth.bad-credentials',
    },
    async ({ api }) => {
      for (const path of [api.tasksPath(), '/agents/tasks', `/agents/tasks/${SOME_TASK_ID}`]) {
        expectError(await api.get(path, {}, { token: 'ghp_notARealToken0000000000000000000000000' }), 401, 'Bad credentials', GENERIC_DOCS_URL);
      }
    },
  );

  contractTest('the "token" scheme works like "Bearer"', { runsOn: 'both', behaviour: 'auth.token-schemes' }, async ({ api }) => {
    const bearer = await api.get('/agents/tasks', { per_page: 1 }, { authScheme: 'Bearer' });
    const token = await api.get('/agents/tasks', { per_page: 1 }, { authScheme: 'token' });
    expect(bearer.status, show(bearer)).toBe(200);
    expect(token.status, show(token)).toBe(200);
  });
});
