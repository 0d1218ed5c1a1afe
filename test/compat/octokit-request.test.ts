// @octokit/core's request against the emulator: what a real script would write.
import { Octokit } from '@octokit/core';
import { RequestError } from '@octokit/request-error';
import { startEmulator, type RunningEmulator } from 'agent-tasks-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const HEADERS = { 'x-github-api-version': '2026-03-10' };
const repo = { owner: 'octocat', repo: 'hello-world' };

describe('@octokit/core request', () => {
  let running: RunningEmulator;
  let octokit: Octokit;
  beforeAll(async () => {
    running = await startEmulator({ port: 0 });
    octokit = new Octokit({ auth: running.tokens.octocat, baseUrl: running.url });
  });
  afterAll(() => running.stop());

  it('lists a repository’s tasks, with the selected version and a Link header', async () => {
    const res = await octokit.request('GET /agents/repos/{owner}/{repo}/tasks', { ...repo, per_page: 10, headers: HEADERS });
    expect(res.status).toBe(200);
    expect(res.data.tasks).toHaveLength(10);
    expect(res.headers['x-github-api-version-selected']).toBe('2026-03-10');
    expect(res.headers.link).toContain('rel="next"');
  });

  it('starts a task and reads it back by id', async () => {
    const created = await octokit.request('POST /agents/repos/{owner}/{repo}/tasks', { ...repo, prompt: 'Fix the flaky test', create_pull_request: true, headers: HEADERS });
    expect(created.status).toBe(201);
    expect(created.data.state).toBe('queued');
    const read = await octokit.request('GET /agents/tasks/{task_id}', { task_id: created.data.id, headers: HEADERS });
    expect(read.data.sessions?.[0]?.prompt).toBe('Fix the flaky test');
  });

  it('throws a RequestError with status 404 and GitHub’s message for an unknown task', async () => {
    const error = await octokit
      .request('GET /agents/repos/{owner}/{repo}/tasks/{task_id}', { ...repo, task_id: 'no-such-task', headers: HEADERS })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).status).toBe(404);
    expect((error as RequestError).message).toBe('Not Found - https://docs.github.com/rest/agent-tasks/agent-tasks#get-a-task-by-repo');
  });

  it('throws a RequestError with status 422 whose message carries the validation errors', async () => {
    const error = (await octokit
      .request('GET /agents/repos/{owner}/{repo}/tasks', { ...repo, state: 'running', headers: HEADERS })
      .catch((e: unknown) => e)) as RequestError;
    expect(error).toBeInstanceOf(RequestError);
    expect(error.status).toBe(422);
    expect(error.message).toMatch(/^Validation Failed: \{.*"field":"state".*"code":"invalid".*\} - https:\/\/docs\.github\.com\/rest\/agent-tasks\/agent-tasks#list-tasks-for-repository$/);
    expect((error.response?.data as { errors?: unknown[] }).errors).toHaveLength(1);
  });

  it('throws a RequestError with status 401 for a token the emulator does not know', async () => {
    const stranger = new Octokit({ auth: 'ghp_unknown0000000000000000000000000000', baseUrl: running.url });
    const error = (await stranger.request('GET /agents/tasks').catch((e: unknown) => e)) as RequestError;
    expect(error.status).toBe(401);
    expect(error.message).toMatch(/^Bad credentials - /);
  });
});
