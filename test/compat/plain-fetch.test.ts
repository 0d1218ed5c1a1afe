// Plain fetch, as a shell script's curl would see the emulator: raw headers and bodies.
import { startEmulator, type RunningEmulator } from 'agent-tasks-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe('plain fetch', () => {
  let running: RunningEmulator;
  let headers: Record<string, string>;
  beforeAll(async () => {
    running = await startEmulator({ port: 0 });
    headers = { authorization: `Bearer ${running.tokens.octocat}`, accept: 'application/vnd.github+json', 'x-github-api-version': '2026-03-10' };
  });
  afterAll(() => running.stop());

  it('gets a list with GitHub’s headers, follows its next link, and revalidates with the ETag', async () => {
    const first = await fetch(`${running.url}/agents/tasks?per_page=20`, { headers });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(first.headers.get('x-github-request-id')).toMatch(/^[0-9A-F]+(?::[0-9A-F]+){4}$/);
    const body = (await first.json()) as { tasks: Array<{ id: string }> };
    expect(body.tasks).toHaveLength(20);

    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get('link') ?? '')?.[1];
    expect(next).toBe(`${running.url}/agents/tasks?page=2&per_page=20`);
    const second = (await (await fetch(next!, { headers })).json()) as { tasks: Array<{ id: string }> };
    expect(second.tasks.some((t) => body.tasks.some((b) => b.id === t.id))).toBe(false);

    const cached = await fetch(`${running.url}/agents/tasks?per_page=20`, { headers: { ...headers, 'if-none-match': first.headers.get('etag')! } });
    expect(cached.status).toBe(304);
    expect(await cached.text()).toBe('');
  });

  it('starts a task with a JSON body and answers GitHub’s 400 for a broken one', async () => {
    const url = `${running.url}/agents/repos/octocat/hello-world/tasks`;
    const ok = await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ prompt: 'Bump the lockfile' }) });
    expect(ok.status).toBe(201);
    expect(((await ok.json()) as { name: string }).name).toBe('Bump the lockfile');
    const broken = await fetch(url, { method: 'POST', headers, body: '{"prompt":' });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({ message: 'Problems parsing JSON', documentation_url: 'https://docs.github.com/rest/agent-tasks/agent-tasks#start-a-task', status: '400' });
  });
});
