import { describe, expect } from 'vitest';
import { contractTest } from './harness/contract-test.js';
import { expectError, show } from './harness/expectations.js';
import { listBody } from './harness/lists.js';

const SOME_TASK_ID = '00000000-0000-4000-8000-000000000000';

describe('who may use agent tasks', () => {
  contractTest(
    'an installation token is refused with 403 Resource not accessible by integration',
    { runsOn: 'both', behaviour: 'access.installation-token', needs: ['installationToken'] },
    async ({ api, target }) => {
      const token = target.installationToken!;
      expectError(await api.get(api.tasksPath(), {}, { token }), 403, 'Resource not accessible by integration', api.docsUrl('agent-tasks/list-tasks-for-repo'));
      expectError(await api.get('/agents/tasks', {}, { token }), 403, 'Resource not accessible by integration', api.docsUrl('agent-tasks/list-tasks'));
    },
  );

  contractTest(
    'a fine-grained token without the Agent tasks permission is refused with 403',
    { runsOn: 'both', behaviour: 'access.fine-grained-without-permission', needs: ['noPermissionToken'] },
    async ({ api, target }) => {
      const token = target.noPermissionToken!;
      const message = 'Resource not accessible by personal access token';
      expectError(await api.get(api.tasksPath(), {}, { token }), 403, message, api.docsUrl('agent-tasks/list-tasks-for-repo'));
      expectError(await api.get('/agents/tasks', {}, { token }), 403, message, api.docsUrl('agent-tasks/list-tasks'));
    },
  );

  contractTest(
    'a fine-grained token with read access may list but not start a task',
    { runsOn: 'both', behaviour: 'access.read-only-token-cannot-start', needs: ['readOnlyToken'], writes: true },
    async ({ api, target }) => {
      const token = target.readOnlyToken!;
      listBody(await api.get(api.tasksPath(), { per_page: 1 }, { token }));
      const res = await api.createTask({ prompt: 'contract kit: must be refused (read-only token)' }, { token });
      expectError(res, 403, 'Resource not accessible by personal access token', api.docsUrl('agent-tasks/create-task-in-repo'));
    },
  );

  contractTest(
    'a repository the caller cannot see answers 404, as if it did not exist',
    { runsOn: 'both', behaviour: 'access.hidden-repository', needs: ['hiddenRepo'] },
    async ({ api, target }) => {
      const hidden = target.hiddenRepo!;
      expectError(await api.get(api.tasksPath('', hidden)), 404, 'Not Found', api.docsUrl('agent-tasks/list-tasks-for-repo'));
      expectError(await api.get(api.tasksPath(`/${SOME_TASK_ID}`, hidden)), 404, 'Not Found', api.docsUrl('agent-tasks/get-task-by-repo-and-id'));
    },
  );

  contractTest('owner and repository names are not case sensitive', { runsOn: 'both', behaviour: 'access.case-insensitive-names' }, async ({ api, target }) => {
    const exact = listBody(await api.get(api.tasksPath(), { per_page: 5, sort: 'created_at', direction: 'asc' }));
    const shouted = { owner: target.repo.owner.toUpperCase(), repo: target.repo.repo.toUpperCase() };
    const res = await api.get(api.tasksPath('', shouted), { per_page: 5, sort: 'created_at', direction: 'asc' });
    expect(res.status, show(res)).toBe(200);
    expect(listBody(res).tasks.map((t) => t.id)).toEqual(exact.tasks.map((t) => t.id));
  });
});
