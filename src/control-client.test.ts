import { describe, expect, it } from 'vitest';
import { ControlError, createControlClient } from './control-client.js';
import { createEmulator } from './create-emulator.js';
import { createEmulatorFetch, type FetchFunction } from './emulator-fetch.js';

const AUTH = { authorization: 'Bearer ghp_octocatEmulatorClassicToken000000000' };

describe('createControlClient', () => {
  it('reads health and resets the tenant of its base URL', async () => {
    const emulator = createEmulator();
    const fetch = createEmulatorFetch({ emulator });
    const acme = createControlClient({ baseUrl: 'http://emulator.test/t/acme/', fetch });
    const initial = await acme.health();
    expect(initial).toEqual({ status: 'ok', tenant: 'acme', tasks: expect.any(Number) });

    await fetch('http://emulator.test/t/acme/agents/repos/octocat/hello-world/tasks', { method: 'POST', headers: AUTH, body: '{"prompt":"x"}' });
    expect((await acme.health()).tasks).toBe(initial.tasks + 1);
    expect(await acme.reset()).toMatchObject({ status: 'reset', tenant: 'acme', tasks: initial.tasks });
    expect((await acme.health()).tasks).toBe(initial.tasks);
  });

  it('merges and closes a pull request a task opened; a second merge is a 409 ControlError', async () => {
    const emulator = createEmulator({ clockMode: 'manual', clockStart: Date.UTC(2026, 10, 1) });
    const fetch = createEmulatorFetch({ emulator });
    const control = createControlClient({ baseUrl: 'http://emulator.test/t/ci', fetch });
    const list = await fetch('http://emulator.test/t/ci/repos/octocat/hello-world/pulls?per_page=2', { headers: AUTH });
    const [first, second] = (await list.json()) as Array<{ number: number; id: number }>;
    const merged = await control.mergePullRequest('octocat/hello-world', first!.number);
    expect(merged).toMatchObject({ id: first!.id, number: first!.number, state: 'closed', merged: true, merged_at: '2026-11-01T00:00:00Z' });
    expect(merged.merge_commit_sha).toMatch(/^[0-9a-f]{40}$/);
    expect(await control.closePullRequest('octocat/hello-world', second!.number)).toMatchObject({ state: 'closed', merged: false, merged_at: null });
    await expect(control.mergePullRequest('octocat/hello-world', first!.number)).rejects.toMatchObject({ status: 409 });
    await expect(control.closePullRequest('octocat/hello-world', 999_999)).rejects.toMatchObject({ status: 404 });
  });

  it('throws a ControlError carrying the status and GitHub’s message', async () => {
    const control = createControlClient({ baseUrl: 'http://emulator.test/t/not a name', fetch: createEmulatorFetch() });
    const error = await control.health().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ControlError);
    expect(error).toMatchObject({ status: 404, message: 'GET /_emulator/health: 404 Not Found' });
  });

  it('reports a non-JSON failure, such as a proxy’s, by its text', async () => {
    const proxy: FetchFunction = async () => new Response('Bad Gateway', { status: 502 });
    await expect(createControlClient({ baseUrl: 'http://x', fetch: proxy }).reset()).rejects.toMatchObject({
      status: 502,
      message: 'POST /_emulator/reset: 502 Bad Gateway',
    });
  });

  it('drives a task through its life: outcomes, clock, answer, journal, faults, snapshot', async () => {
    const emulator = createEmulator({ clockMode: 'manual', clockStart: Date.UTC(2026, 10, 1) });
    const fetch = createEmulatorFetch({ emulator });
    const control = createControlClient({ baseUrl: 'http://emulator.test', fetch });
    const api = async (path: string, init: RequestInit = {}) =>
      (await fetch(`http://emulator.test${path}`, { ...init, headers: AUTH })).json() as Promise<any>;

    expect(await control.queueOutcomes('waits-for-user')).toEqual(['waits-for-user']);
    const task = await api('/agents/repos/octocat/hello-world/tasks', { method: 'POST', body: '{"prompt":"Ask me"}' });
    expect((await control.advance('30s')).now).toBe('2026-11-01T00:00:30.000Z');
    expect((await control.task(task.id)).task.state).toBe('waiting_for_user');
    const answered = await control.answer(task.id, 'Yes');
    expect(answered.task).toMatchObject({ state: 'in_progress', session_count: 2 });
    await expect(control.move(task.id, 'queued')).rejects.toMatchObject({ status: 409 });
    expect((await control.cancel(task.id)).task.state).toBe('cancelled');
    expect((await control.journal({ method: 'POST' })).map((e) => e.status)).toEqual([201]);

    await control.addFault({ match: { path: '/agents/tasks' }, error: { status: 503 }, when: { times: 1 } });
    expect((await fetch('http://emulator.test/agents/tasks', { headers: AUTH })).status).toBe(503);
    await control.setRateLimit('ghp_octocatEmulatorClassicToken000000000', { remaining: 0 });
    expect((await fetch('http://emulator.test/agents/tasks', { headers: AUTH })).status).toBe(403);

    const snapshot = await control.exportSnapshot();
    const copy = createControlClient({ baseUrl: 'http://emulator.test/t/copy', fetch });
    expect(await copy.importSnapshot(snapshot)).toMatchObject({ tenant: 'copy', tasks: snapshot.tasks.length });
    expect((await copy.task(task.id)).task.state).toBe('cancelled');
  });
});
