import { describe, expect, it } from 'vitest';
import { createEmulator } from './create-emulator.js';
import { createEmulatorFetch } from './emulator-fetch.js';

const TOKEN = 'ghp_octocatEmulatorClassicToken000000000';
const HEADERS = { authorization: `token ${TOKEN}`, accept: 'application/vnd.github+json', 'x-github-api-version': '2026-03-10' };

describe('createEmulatorFetch', () => {
  it('answers a call shaped like octokit’s: URL string plus init with method, headers, body and redirect', async () => {
    const fetch = createEmulatorFetch();
    const res = await fetch('https://api.github.com/agents/repos/octocat/hello-world/tasks', {
      method: 'POST',
      headers: { ...HEADERS, 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ prompt: 'Add a README' }),
      redirect: 'manual',
      signal: new AbortController().signal,
    });
    expect(res.status).toBe(201);
    const task = (await res.json()) as { id: string; state: string; url: string };
    expect(task.state).toBe('queued');
    // The origin the caller used is the one written back, as GitHub writes its own.
    expect(task.url).toBe(`https://api.github.com/agents/repos/octocat/hello-world/tasks/${task.id}`);
  });

  it('answers a Request object, as openapi-fetch sends, and a URL object', async () => {
    const fetch = createEmulatorFetch();
    const viaRequest = await fetch(new Request('http://emulator.test/agents/tasks?per_page=1', { headers: HEADERS }));
    expect(viaRequest.status).toBe(200);
    expect(((await viaRequest.json()) as { tasks: unknown[] }).tasks).toHaveLength(1);
    const viaUrl = await fetch(new URL('http://emulator.test/_emulator/health'));
    expect(await viaUrl.json()).toMatchObject({ status: 'ok', tenant: 'default' });
  });

  it('reaches a tenant through the /t/<name> prefix of the URL', async () => {
    const fetch = createEmulatorFetch();
    const health = await fetch('http://emulator.test/t/suite-1/_emulator/health');
    expect(await health.json()).toMatchObject({ tenant: 'suite-1' });
  });

  it('gives each call its own emulator unless one is passed in', async () => {
    const emulator = createEmulator();
    const shared = createEmulatorFetch({ emulator });
    const count = async (f: typeof shared) => ((await (await f('http://x/_emulator/health')).json()) as { tasks: number }).tasks;
    const before = await count(shared);
    await shared('http://x/agents/repos/octocat/hello-world/tasks', { method: 'POST', headers: HEADERS, body: '{"prompt":"Go"}' });
    expect(await count(createEmulatorFetch({ emulator }))).toBe(before + 1);
    expect(await count(createEmulatorFetch())).toBe(before);
  });

  it('turns bad input into GitHub-shaped errors, not exceptions', async () => {
    const fetch = createEmulatorFetch();
    const res = await fetch('http://x/agents/repos/octocat/hello-world/tasks', { method: 'POST', headers: HEADERS, body: '{not json' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ message: 'Problems parsing JSON' });
  });
});
