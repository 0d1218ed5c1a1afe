import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient, type TestHooks } from '../contract/harness/api-client.js';
import { loadSpecValidators } from '../contract/harness/spec-validators.js';
import { createTaskBudget, readStartedTasks } from '../contract/harness/task-budget.js';
import { readTarget } from '../contract/harness/target.js';

const validators = loadSpecValidators();
const target = readTarget({}, 'http://127.0.0.1:9/t/kit');
const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'x-github-api-version-selected': '2026-03-10' };
const created = { id: 'new-task', state: 'queued', created_at: '2026-06-21T09:14:02Z', html_url: 'https://github.com/o/r/copilot/tasks/new-task' };
const invalid = { message: 'Validation Failed', documentation_url: 'd', status: '422', errors: [{ code: 'missing_field', field: 'prompt' }] };

class Skipped extends Error {}

describe('createApiClient', () => {
  let dir: string;
  let sent: Request[];
  let answers: Array<[number, unknown]>;
  let started: string[];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'client-test-'));
    sent = [];
    answers = [];
    started = [];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const fakeFetch = (async (input: URL, init?: RequestInit) => {
    sent.push(new Request(input, init));
    const [status, body] = answers.shift() ?? [200, { tasks: [] }];
    return new Response(JSON.stringify(body), { status, headers: JSON_HEADERS });
  }) as typeof fetch;

  const client = (writes: boolean, max = 5) => {
    const test: TestHooks = {
      name: 'kit',
      writes,
      skip: (note) => {
        throw new Skipped(note);
      },
      note: () => {},
      taskStarted: (t) => started.push(t.id),
    };
    return createApiClient({ target, validators, budget: createTaskBudget(dir, max), test, fetch: fakeFetch });
  };

  it('sends GitHub’s headers to the base URL, with the target token and repeated array parameters', async () => {
    await client(false).get('/agents/tasks', { creator_id: [1, 2], state: 'queued' });
    const req = sent[0]!;
    expect(req.url).toBe('http://127.0.0.1:9/t/kit/agents/tasks?creator_id=1&creator_id=2&state=queued');
    expect(req.headers.get('authorization')).toBe(`Bearer ${target.token}`);
    expect(req.headers.get('x-github-api-version')).toBe('2026-03-10');
    expect(req.headers.get('accept')).toBe('application/vnd.github+json');
    expect(req.headers.get('user-agent')).toMatch(/contract-kit/);
  });

  it('throws when an answer breaks the description, before the test sees it', async () => {
    answers.push([200, { tasks: [{ id: 1 }] }]);
    await expect(client(false).get('/agents/tasks')).rejects.toThrow(/breaks the contract[\s\S]*tasks\/0/);
  });

  it('refuses a request that can start a task from a test that did not declare writes', async () => {
    await expect(client(false).createTask({ prompt: 'x' })).rejects.toThrow(/declare writes: true/);
    expect(sent).toHaveLength(0);
  });

  it('charges started tasks to the budget, gives refused requests their slot back, and skips when it is spent', async () => {
    const api = client(true, 1);
    answers.push([422, invalid], [201, created]);
    expect((await api.createTask({})).status).toBe(422);
    expect((await api.createTask({ prompt: 'x' })).status).toBe(201);
    expect(started).toEqual(['new-task']);
    expect(readStartedTasks(dir)).toEqual([{ id: 'new-task', html_url: created.html_url, url: undefined, test: 'kit' }]);
    await expect(api.createTask({ prompt: 'y' })).rejects.toThrow(Skipped);
    expect(sent).toHaveLength(2);
  });

  it('does not charge a request without credentials', async () => {
    answers.push([401, { message: 'Requires authentication', documentation_url: 'd', status: '401' }]);
    await client(false, 0).createTask({ prompt: 'x' }, { token: null });
    expect(sent[0]!.headers.has('authorization')).toBe(false);
  });

  it('maps absolute URLs the target wrote back to paths below its base', () => {
    const api = client(false);
    expect(api.pathOf('http://127.0.0.1:9/t/kit/agents/tasks/1')).toBe('/agents/tasks/1');
    expect(() => api.pathOf('http://127.0.0.1:9/t/other/agents/tasks/1')).toThrow(/not below/);
  });
});
