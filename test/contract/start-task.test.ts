// POST /agents/repos/{owner}/{repo}/tasks. Every test here is a write test: on GitHub it runs only
// with CONTRACT_ALLOW_WRITES=1, and the task budget caps how many tasks the run starts.
import { describe, expect } from 'vitest';
import type { ApiClient } from './harness/api-client.js';
import { contractTest } from './harness/contract-test.js';
import { expectError, expectValidationFailed, show } from './harness/expectations.js';
import { listAll } from './harness/lists.js';

const CREATE = 'agent-tasks/create-task-in-repo';
/** Tasks this suite starts on GitHub ask the agent to do nothing. */
const PROMPT = 'Contract test of the Agent Tasks API (agent-tasks-emulator). Make no changes and stop.';

interface Task {
  id: string;
  state: string;
  name?: string;
  url?: string;
  session_count?: number;
  sessions?: Array<{ prompt?: string; state: string }>;
}

async function startTask(api: ApiClient, body: Record<string, unknown>): Promise<Task> {
  const res = await api.createTask(body);
  expect(res.status, show(res)).toBe(201);
  return res.json as Task;
}

describe('start a task', () => {
  // Refused requests first: each gives its budget slot back, so a small CONTRACT_MAX_TASKS still
  // runs them all before the tests that start tasks spend it.
  contractTest('a body without prompt is a 422 naming the missing field', { runsOn: 'both', behaviour: 'create.prompt-required', writes: true }, async ({ api }) => {
    for (const body of [{}, { model: 'gpt-5.4', create_pull_request: true }]) {
      expectValidationFailed(await api.createTask(body), api.docsUrl(CREATE), 'prompt', ['missing_field', 'missing']);
    }
  });

  contractTest('a member of the wrong type is a 422', { runsOn: 'both', behaviour: 'create.wrong-type', writes: true }, async ({ api }) => {
    expectValidationFailed(await api.createTask({ prompt: 42 }), api.docsUrl(CREATE), 'prompt');
    expectValidationFailed(await api.createTask({ prompt: PROMPT, create_pull_request: 'yes' }), api.docsUrl(CREATE), 'create_pull_request');
  });

  contractTest('a prompt of only white space is a 422', { runsOn: 'both', behaviour: 'create.empty-prompt', writes: true }, async ({ api }) => {
    expectValidationFailed(await api.createTask({ prompt: '  \n\t ' }), api.docsUrl(CREATE), 'prompt', ['missing_field', 'missing', 'invalid']);
  });

  contractTest('an empty base_ref, head_ref or custom_agent is a 422 on that member', { runsOn: 'both', behaviour: 'create.empty-refs', writes: true }, async ({ api }) => {
    for (const field of ['base_ref', 'head_ref', 'custom_agent']) {
      expectValidationFailed(await api.createTask({ prompt: PROMPT, [field]: '' }), api.docsUrl(CREATE), field);
    }
  });

  contractTest('a bad body is a 422 even for a repository that does not exist', { runsOn: 'both', behaviour: 'create.validation-before-repository', writes: true }, async ({ api }) => {
    const nowhere = { owner: 'agent-tasks-contract-kit', repo: 'no-such-repository-8b1f' };
    expectValidationFailed(await api.createTask({ prompt: 42 }, { repo: nowhere }), api.docsUrl(CREATE), 'prompt');
  });

  contractTest('a model outside the documented list is a 422', { runsOn: 'both', behaviour: 'create.unknown-model', writes: true }, async ({ api }) => {
    expectValidationFailed(await api.createTask({ prompt: PROMPT, model: 'gpt-2' }), api.docsUrl(CREATE), 'model');
  });

  contractTest('a body that is not JSON is a 400 Problems parsing JSON', { runsOn: 'both', behaviour: 'create.invalid-json', writes: true }, async ({ api }) => {
    const res = await api.request({ method: 'POST', path: api.tasksPath(), rawBody: '{"prompt": ' });
    expectError(res, 400, 'Problems parsing JSON', api.docsUrl(CREATE));
  });

  contractTest('JSON that is not an object is a 400 Body should be a JSON object', { runsOn: 'both', behaviour: 'create.body-not-object', writes: true }, async ({ api }) => {
    for (const rawBody of ['["prompt"]', '"prompt"', 'null']) {
      expectError(await api.request({ method: 'POST', path: api.tasksPath(), rawBody }), 400, 'Body should be a JSON object', api.docsUrl(CREATE));
    }
  });

  contractTest('a body over 1 MiB is a 413', { runsOn: 'both', behaviour: 'create.body-too-large', writes: true }, async ({ api }) => {
    // Connection: close, because the server does not read the rest of an oversized body, so the
    // connection cannot carry another request (docs/fidelity.md, "not probed").
    const res = await api.createTask({ prompt: `${PROMPT}\n${'x'.repeat(1024 * 1024)}` }, { headers: { connection: 'close' } });
    expectError(res, 413, 'Request body is too large', api.docsUrl(CREATE));
  });

  contractTest(
    'answers 201 with the task in queued, readable at once through both get operations and both lists',
    { runsOn: 'both', behaviour: 'create.starts-queued', writes: true },
    async ({ api }) => {
      const task = await startTask(api, { prompt: PROMPT, create_pull_request: false });
      expect(task.state).toBe('queued');
      expect(typeof task.id).toBe('string');

      const byRepo = await api.get(api.tasksPath(`/${task.id}`));
      const byId = await api.get(`/agents/tasks/${task.id}`);
      for (const res of [byRepo, byId]) {
        expect(res.status, show(res)).toBe(200);
        expect((res.json as Task).id).toBe(task.id);
      }
      expect((byRepo.json as Task).sessions?.[0]?.prompt).toBe(PROMPT);
      const newestFirst = { sort: 'created_at', direction: 'desc', per_page: 100 } as const;
      expect((await api.get(api.tasksPath(), newestFirst)).text).toContain(task.id);
      expect((await api.get('/agents/tasks', newestFirst)).text).toContain(task.id);
    },
  );

  contractTest(
    "the task's name is the prompt's first non-empty line, white space folded",
    { runsOn: 'both', behaviour: 'create.name-from-prompt', writes: true },
    async ({ api }) => {
      const task = await startTask(api, { prompt: `\n\n  Contract   test:  name   from the first line  \n\n${PROMPT}` });
      expect(task.name).toBe('Contract test: name from the first line');
    },
  );

  contractTest('members the description does not know are ignored', { runsOn: 'both', behaviour: 'create.unknown-members-ignored', writes: true }, async ({ api }) => {
    const task = await startTask(api, { prompt: PROMPT, unknown_member: 'ignored', nested: { also: ['ignored'] } });
    expect(task.state).toBe('queued');
  });

  contractTest('a retried POST starts a second task: dispatch is not idempotent', { runsOn: 'both', behaviour: 'create.not-idempotent', writes: true }, async ({ api }) => {
    const body = { prompt: `${PROMPT} (sent twice on purpose)` };
    const first = await startTask(api, body);
    const second = await startTask(api, body);
    expect(second.id).not.toBe(first.id);
    const listed = new Set((await listAll(api, api.tasksPath(), { sort: 'created_at', direction: 'desc' })).map((t) => t.id));
    expect(listed.has(first.id) && listed.has(second.id), 'both tasks are listed').toBe(true);
  });

});
