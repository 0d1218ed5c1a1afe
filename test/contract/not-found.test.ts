import { describe, expect } from 'vitest';
import type { ApiClient } from './harness/api-client.js';
import { contractTest } from './harness/contract-test.js';
import { GENERIC_DOCS_URL, expectError } from './harness/expectations.js';
import { listBody, type TaskSummary } from './harness/lists.js';

// A well-formed id no task has.
const UNKNOWN_TASK_ID = 'f0f0f0f0-0000-4000-8000-00000000beef';
const UNKNOWN_REPO = { owner: 'agent-tasks-contract-kit', repo: 'no-such-repository-8b1f' };

describe('404 Not Found', () => {
  contractTest('an unknown repository', { runsOn: 'both', behaviour: 'routing.unknown-repository' }, async ({ api }) => {
    expectError(await api.get(api.tasksPath('', UNKNOWN_REPO)), 404, 'Not Found', api.docsUrl('agent-tasks/list-tasks-for-repo'));
    expectError(await api.get(api.tasksPath(`/${UNKNOWN_TASK_ID}`, UNKNOWN_REPO)), 404, 'Not Found', api.docsUrl('agent-tasks/get-task-by-repo-and-id'));
  });

  contractTest('an unknown task, by repository and by id', { runsOn: 'both', behaviour: 'routing.unknown-task' }, async ({ api }) => {
    expectError(await api.get(api.tasksPath(`/${UNKNOWN_TASK_ID}`)), 404, 'Not Found', api.docsUrl('agent-tasks/get-task-by-repo-and-id'));
    expectError(await api.get(`/agents/tasks/${UNKNOWN_TASK_ID}`), 404, 'Not Found', api.docsUrl('agent-tasks/get-task-by-id'));
  });

  contractTest(
    'a task asked for under another repository than its own',
    { runsOn: 'both', behaviour: 'routing.task-in-other-repository', needs: ['otherRepo'] },
    async ({ api, target, skip }) => {
      const task = listBody(await api.get(api.tasksPath(), { per_page: 1 })).tasks[0];
      if (!task) return skip(`${target.repo.owner}/${target.repo.repo} has no tasks`);
      expectError(await api.get(api.tasksPath(`/${task.id}`, target.otherRepo)), 404, 'Not Found', api.docsUrl('agent-tasks/get-task-by-repo-and-id'));
    },
  );

  contractTest(
    'GET /agents/tasks/{id} of a task someone else created',
    { runsOn: 'both', behaviour: 'routing.others-task-by-id' },
    async ({ api, target, skip }) => {
      const mine = listBody(await api.get('/agents/tasks', { per_page: 1 })).tasks[0];
      if (!mine?.creator?.id) return skip('the token has no tasks of its own, so its user id is unknown');
      const others = await findTaskNotBy(api, api.tasksPath(), mine.creator.id);
      if (!others) return skip(`${target.repo.owner}/${target.repo.repo} has no task by another user`);
      const viaRepo = await api.get(api.tasksPath(`/${others.id}`));
      expect(viaRepo.status, 'the task is visible through its repository').toBe(200);
      expectError(await api.get(`/agents/tasks/${others.id}`), 404, 'Not Found', api.docsUrl('agent-tasks/get-task-by-id'));
    },
  );

  contractTest('a trailing slash', { runsOn: 'both', behaviour: 'routing.trailing-slash' }, async ({ api }) => {
    for (const path of [`${api.tasksPath()}/`, '/agents/tasks/']) {
      expectError(await api.get(path), 404, 'Not Found', GENERIC_DOCS_URL);
    }
  });

  contractTest('an unsupported method answers 404, not 405', { runsOn: 'both', behaviour: 'routing.unsupported-method' }, async ({ api }) => {
    const cases = [
      ['DELETE', `/agents/tasks/${UNKNOWN_TASK_ID}`],
      ['PATCH', api.tasksPath(`/${UNKNOWN_TASK_ID}`)],
      ['PUT', api.tasksPath()],
      ['POST', '/agents/tasks'],
    ] as const;
    for (const [method, path] of cases) {
      expectError(await api.request({ method, path, json: {} }), 404, 'Not Found', GENERIC_DOCS_URL);
    }
  });
});

async function findTaskNotBy(api: ApiClient, path: string, userId: number): Promise<TaskSummary | undefined> {
  for (const archived of [false, true]) {
    for (let page = 1; page <= 5; page++) {
      const { tasks } = listBody(await api.get(path, { per_page: 100, page, is_archived: archived }));
      const found = tasks.find((t) => t.creator?.id !== undefined && t.creator.id !== userId);
      if (found || tasks.length < 100) {
        if (found) return found;
        break;
      }
    }
  }
  return undefined;
}
