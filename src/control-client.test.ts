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
    expect(await acme.reset()).toEqual({ status: 'reset', tenant: 'acme', tasks: initial.tasks });
    expect((await acme.health()).tasks).toBe(initial.tasks);
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
});
