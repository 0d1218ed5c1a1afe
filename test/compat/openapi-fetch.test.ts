// A typed client generated from GitHub's description (openapi-typescript -> openapi-fetch), the
// way a TypeScript project would consume the API. A field the emulator renamed would not compile.
import { startEmulator, type RunningEmulator } from 'agent-tasks-emulator';
import createClient, { type Client } from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { paths } from '../../src/generated/agent-tasks-api.js';

const path = { owner: 'octocat', repo: 'hello-world' };
const OCTOCAT = 583231;
const MONALISA = 2154;

describe('openapi-fetch with the generated types', () => {
  let running: RunningEmulator;
  let client: Client<paths>;
  beforeAll(async () => {
    running = await startEmulator({ port: 0 });
    client = createClient<paths>({
      baseUrl: running.url,
      headers: { authorization: `Bearer ${running.tokens.octocat}`, 'x-github-api-version': '2026-03-10' },
    });
  });
  afterAll(() => running.stop());

  it('lists with typed query parameters, creator_id sent as a repeated array', async () => {
    const { data, error, response } = await client.GET('/agents/repos/{owner}/{repo}/tasks', {
      params: { path, query: { per_page: 100, creator_id: [MONALISA, OCTOCAT], sort: 'created_at', direction: 'asc' } },
    });
    expect(error).toBeUndefined();
    expect(new URL(response.url).searchParams.getAll('creator_id')).toEqual([String(MONALISA), String(OCTOCAT)]);
    const creators = new Set(data!.tasks.map((t) => t.creator?.id));
    expect(creators).toEqual(new Set([MONALISA, OCTOCAT]));
    const created = data!.tasks.map((t) => Date.parse(t.created_at));
    expect(created.every((t, i) => i === 0 || t >= created[i - 1]!)).toBe(true);
  });

  it('starts a task and gets it with its sessions', async () => {
    const started = await client.POST('/agents/repos/{owner}/{repo}/tasks', { params: { path }, body: { prompt: 'Add a changelog entry', base_ref: 'main' } });
    expect(started.response.status).toBe(201);
    const { data } = await client.GET('/agents/repos/{owner}/{repo}/tasks/{task_id}', { params: { path: { ...path, task_id: started.data!.id } } });
    expect(data!.state).toBe('queued');
    expect(data!.sessions?.[0]?.base_ref).toBe('main');
  });

  it('returns GitHub’s error body as the typed error', async () => {
    const missing = await client.GET('/agents/tasks/{task_id}', { params: { path: { task_id: 'no-such-task' } } });
    expect(missing.response.status).toBe(404);
    expect(missing.error).toMatchObject({ message: 'Not Found', documentation_url: 'https://docs.github.com/rest/agent-tasks/agent-tasks#get-a-task-by-id' });
    // The generated body type requires prompt; an untyped caller can still send none.
    const invalid = await client.POST('/agents/repos/{owner}/{repo}/tasks', { params: { path }, body: {} as { prompt: string } });
    expect(invalid.response.status).toBe(422);
    expect(invalid.error?.errors).toEqual([expect.objectContaining({ code: 'missing_field' })]);
  });
});
