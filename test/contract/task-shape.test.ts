import { describe, expect } from 'vitest';
import type { ApiClient } from './harness/api-client.js';
import { contractTest } from './harness/contract-test.js';
import { show } from './harness/expectations.js';
import { getList, listBody, timeOf, type TaskSummary } from './harness/lists.js';

interface Session {
  id: string;
  task_id?: string;
  state: string;
  created_at: string;
}
type TaskWithSessions = TaskSummary & { session_count?: number; sessions?: Session[] };

const SAMPLE = 10;
const SECOND_PRECISION_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

async function someTasks(api: ApiClient): Promise<TaskSummary[]> {
  return (await getList(api, api.tasksPath(), { per_page: SAMPLE })).body.tasks;
}

async function getWithSessions(api: ApiClient, id: string): Promise<TaskWithSessions> {
  const res = await api.get(api.tasksPath(`/${id}`));
  expect(res.status, show(res)).toBe(200);
  return res.json as TaskWithSessions;
}

describe('the task resource', () => {
  contractTest('url is the API address of the task, html_url its page on github.com', { runsOn: 'both', behaviour: 'task.urls' }, async ({ api, target, skip }) => {
    const tasks = await someTasks(api);
    if (tasks.length === 0) return skip('the repository has no tasks');
    const repoPath = `${target.repo.owner}/${target.repo.repo}`.toLowerCase();
    for (const t of tasks) {
      // Owner and repository names are case-insensitive; GitHub may write them as it stores them.
      expect(t.url?.toLowerCase()).toBe(`${target.baseUrl}/agents/repos/${repoPath}/tasks/${t.id}`.toLowerCase());
      expect(t.html_url?.toLowerCase()).toBe(`https://github.com/${repoPath}/copilot/tasks/${t.id}`.toLowerCase());
    }
  });

  contractTest('timestamps are UTC with second precision', { runsOn: 'both', behaviour: 'task.timestamps' }, async ({ api, skip }) => {
    const tasks = [...(await someTasks(api)), ...listBody(await api.get(api.tasksPath(), { per_page: SAMPLE, is_archived: true })).tasks];
    if (tasks.length === 0) return skip('the repository has no tasks');
    for (const t of tasks) {
      for (const value of [t.created_at, t.updated_at, t.archived_at]) if (value != null) expect(value).toMatch(SECOND_PRECISION_UTC);
      expect(timeOf(t.updated_at)).toBeGreaterThanOrEqual(timeOf(t.created_at));
    }
    const full = await getWithSessions(api, tasks[0]!.id);
    for (const s of full.sessions ?? []) expect(s.created_at).toMatch(SECOND_PRECISION_UTC);
  });

  contractTest(
    'both get operations answer the task with its sessions, and agree',
    { runsOn: 'both', behaviour: 'task.get-with-sessions' },
    async ({ api, skip }) => {
      const own = listBody(await api.get('/agents/tasks', { per_page: 1 })).tasks[0];
      if (!own?.url) return skip('the token has no tasks of its own');
      const byRepo = await api.get(api.pathOf(own.url));
      const byId = await api.get(`/agents/tasks/${own.id}`);
      expect(byRepo.status, show(byRepo)).toBe(200);
      expect(byId.json).toEqual(byRepo.json);
      const task = byId.json as TaskWithSessions;
      const { sessions, ...summary } = task;
      expect(summary).toMatchObject({ id: own.id, state: own.state, created_at: own.created_at });
      expect(Array.isArray(sessions), 'sessions is an array').toBe(true);
      expect(task.session_count).toBe(sessions!.length);
      for (const s of sessions!) expect(s.task_id).toBe(own.id);
    },
  );

  contractTest("a task's state is the state of its most recent session", { runsOn: 'both', behaviour: 'task.state-from-latest-session' }, async ({ api, skip }) => {
    const tasks = await someTasks(api);
    if (tasks.length === 0) return skip('the repository has no tasks');
    for (const t of tasks) {
      const full = await getWithSessions(api, t.id);
      const latest = [...(full.sessions ?? [])].sort((a, b) => timeOf(a.created_at) - timeOf(b.created_at)).pop();
      if (latest) expect(full.state, `task ${t.id}`).toBe(latest.state);
    }
  });
});
