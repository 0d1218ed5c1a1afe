import { describe, expect, it } from 'vitest';
import { checkExchange, type CheckedExchange } from '../contract/harness/response-checks.js';
import { loadSpecValidators } from '../contract/harness/spec-validators.js';

const validators = loadSpecValidators();
const JSON_TYPE = 'application/json; charset=utf-8';
const task = { id: 't1', state: 'queued', created_at: '2026-06-21T09:14:02Z', archived_at: null };

type Overrides = Partial<Omit<CheckedExchange, 'headers'>> & { body?: unknown; headers?: Record<string, string> };

function exchange(over: Overrides): CheckedExchange {
  const { body, headers, ...rest } = over;
  return {
    method: 'GET',
    url: new URL('http://127.0.0.1:1/agents/tasks'),
    apiPath: '/agents/tasks',
    requestedVersion: '2026-03-10',
    status: 200,
    headers: new Headers({ 'content-type': JSON_TYPE, 'x-github-api-version-selected': '2026-03-10', ...headers }),
    text: body === undefined ? '' : JSON.stringify(body),
    ...rest,
  };
}

describe('loadSpecValidators', () => {
  it('knows the five agent-tasks operations and the six repository operations, with their documentation URLs', () => {
    const github = validators.operations.filter((op) => op.source === 'github');
    expect(github.map((op) => op.id).sort()).toEqual([
      'agent-tasks/create-task-in-repo',
      'agent-tasks/get-task-by-id',
      'agent-tasks/get-task-by-repo-and-id',
      'agent-tasks/list-tasks',
      'agent-tasks/list-tasks-for-repo',
      'git/get-ref',
      'pulls/get',
      'pulls/list',
      'repos/get',
      'repos/get-branch',
      'users/get-authenticated',
    ]);
    expect(github.every((op) => op.docsUrl?.startsWith('https://docs.github.com/rest/'))).toBe(true);
    expect(validators.find('GET', '/repos/o/r/git/ref/heads/copilot/fix-x')?.id).toBe('git/get-ref');
    expect(validators.find('GET', '/repos/o/r/branches/copilot%2Ffix-x')?.id).toBe('repos/get-branch');
    // 2026-03-10 answers are checked without the fields that version removed.
    const get = github.find((op) => op.id === 'pulls/get')!;
    expect(get.versioned.get('2026-03-10')?.get('200')).toBeDefined();
    expect(get.versioned.get('2022-11-28')).toBeUndefined();
    expect(validators.find('GET', '/agents/repos/o/r/tasks/abc')?.id).toBe('agent-tasks/get-task-by-repo-and-id');
    expect(validators.find('GET', '/agents/repos/o/r/tasks/')).toBeUndefined();
    expect(validators.find('DELETE', '/agents/tasks/abc')).toBeUndefined();
  });
});

describe('checkExchange', () => {
  it('accepts an answer that matches its operation and status', () => {
    const outcome = checkExchange(validators, exchange({ body: { tasks: [task], total_active_count: 1, total_archived_count: 0 } }));
    expect(outcome.problems).toEqual([]);
    expect(outcome.operation?.id).toBe('agent-tasks/list-tasks');
  });

  it.each([
    ['a missing required member', { body: { total_active_count: 1 } }, /must have required property 'tasks'/],
    ['a state outside the enum', { body: { tasks: [{ ...task, state: 'running' }] } }, /\/tasks\/0\/state must be equal to one of the allowed values/],
    ['a timestamp that is not date-time', { body: { tasks: [{ ...task, created_at: '21/06/2026' }] } }, /created_at must match format "date-time"/],
    ['an error body without documentation_url', { status: 404, apiPath: '/agents/tasks/x', body: { message: 'Not Found' } }, /documentation_url/],
    ['a 422 whose errors are not objects with a code', { status: 422, body: { message: 'Validation Failed', documentation_url: 'd', errors: [{ field: 'state' }] } }, /code/],
    ['a wrong content type', { body: { tasks: [] }, headers: { 'content-type': 'text/plain' } }, /content-type "text\/plain"/],
    ['a body that is not JSON', { text: '<html>' }, /not JSON/],
    ['a 304 with a body', { status: 304, body: { tasks: [] } }, /must have no body/],
    ['a Link to another server', { body: { tasks: [] }, headers: { link: '<https://api.github.com/agents/tasks?page=2>; rel="next"' } }, /not on the API that answered/],
    ['another version selected than asked for', { body: { tasks: [] }, headers: { 'x-github-api-version-selected': '2022-11-28' } }, /asked for 2026-03-10/],
    ['a success without the selected version', { body: { tasks: [] }, headers: { 'x-github-api-version-selected': '' } }, /x-github-api-version-selected/],
    ['a success on a path no description covers', { apiPath: '/agents/unknown', body: {} }, /no description covers/],
    ['a status the operation does not declare, for a success', { status: 202, body: { tasks: [] } }, /does not declare status 202/],
  ])('reports %s', (_label, over, problem) => {
    const ex = exchange(over as Overrides);
    if ((over as { headers?: Record<string, string> }).headers?.['x-github-api-version-selected'] === '') ex.headers.delete('x-github-api-version-selected');
    expect(checkExchange(validators, ex).problems.join('\n')).toMatch(problem);
  });

  it('applies the operation’s error schema to an undeclared error status, and says so', () => {
    const outcome = checkExchange(validators, exchange({ method: 'POST', apiPath: '/agents/repos/o/r/tasks', status: 413, body: { message: 'Request body is too large', documentation_url: 'd' } }));
    expect(outcome.problems).toEqual([]);
    expect(outcome.notes).toEqual(['agent-tasks/create-task-in-repo does not declare status 413; its error schema was applied']);
  });

  it('checks unknown paths against GitHub’s error schema', () => {
    expect(checkExchange(validators, exchange({ apiPath: '/agents/tasks/', status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } })).problems).toEqual([]);
    expect(checkExchange(validators, exchange({ apiPath: '/agents/tasks/', status: 404, body: { error: 'nope' } })).problems).toHaveLength(1);
  });

  it('uses a test’s own schema only with a reason, and records it', () => {
    const schema = { type: 'object', required: ['errors'], properties: { errors: { type: 'string' } } };
    const outcome = checkExchange(validators, exchange({ status: 400, body: { errors: 42 }, schemaOverride: { reason: 'why', schema } }));
    expect(outcome.problems.join('\n')).toMatch(/errors must be string/);
    expect(outcome.notes[0]).toMatch(/own schema: why/);
  });
});
