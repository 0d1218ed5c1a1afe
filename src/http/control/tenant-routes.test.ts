import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../create-emulator.js';

const AUTH = { authorization: 'Bearer ghp_octocatEmulatorClassicToken000000000', 'content-type': 'application/json' };

describe('/_emulator routes', () => {
  it('health names the tenant in the URL and counts its tasks', async () => {
    const { app } = createEmulator();
    const root = await app.request('/_emulator/health');
    expect(root.status).toBe(200);
    const body = (await root.json()) as Record<string, unknown>;
    expect(body).toEqual({ status: 'ok', tenant: 'default', tasks: expect.any(Number) });
    expect(await (await app.request('/t/acme/_emulator/health')).json()).toEqual({ ...body, tenant: 'acme' });
  });

  it('reset puts back the initial world of that tenant only', async () => {
    const { app } = createEmulator();
    const create = (prefix: string) =>
      app.request(`${prefix}/agents/repos/octocat/hello-world/tasks`, { method: 'POST', headers: AUTH, body: '{"prompt":"Fix it"}' });
    const count = async (prefix: string) => ((await (await app.request(`${prefix}/_emulator/health`)).json()) as { tasks: number }).tasks;
    const initial = await count('');
    expect((await create('')).status).toBe(201);
    expect((await create('/t/acme')).status).toBe(201);

    const res = await app.request('/t/acme/_emulator/reset', { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'reset', tenant: 'acme', tasks: initial });
    expect(await count('/t/acme')).toBe(initial);
    expect(await count('')).toBe(initial + 1);

    await app.request('/_emulator/reset', { method: 'POST' });
    expect(await count('')).toBe(initial);
  });

  it('answers GET on reset with a GitHub-shaped 404 that names POST, not a reset', async () => {
    const { app } = createEmulator();
    const res = await app.request('/_emulator/reset');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      message: 'Not Found: no control endpoint GET /_emulator/reset. Near it: POST /_emulator/reset.',
      documentation_url: 'http://localhost/_emulator/openapi.yaml',
      status: '404',
    });
  });

  it('exports tasks without the store bookkeeping, and a task imported from it is cached and renewed like any other', async () => {
    const { app } = createEmulator({ clockMode: 'manual' });
    const made = (await (await app.request('/agents/repos/octocat/hello-world/tasks', { method: 'POST', headers: AUTH, body: '{"prompt":"Fix it"}' })).json()) as { id: string };
    const snapshot = (await (await app.request('/_emulator/snapshot')).json()) as { tasks: Array<Record<string, unknown>> };
    expect(snapshot.tasks.length).toBeGreaterThan(0);
    for (const task of snapshot.tasks) expect(Object.keys(task).filter((k) => k === 'seq' || k === 'revision')).toEqual([]);

    expect((await app.request('/t/copy/_emulator/snapshot', { method: 'PUT', body: JSON.stringify(snapshot) })).status).toBe(200);
    const path = `/t/copy/agents/tasks/${made.id}`;
    const first = await app.request(path, { headers: AUTH });
    const etag = first.headers.get('etag')!;
    expect(((await first.json()) as { state: string }).state).toBe('queued');
    expect((await app.request(path, { headers: { ...AUTH, 'if-none-match': etag } })).status).toBe(304);
    expect((await app.request(`/t/copy/_emulator/tasks/${made.id}/cancel`, { method: 'POST' })).status).toBe(200);
    const after = await app.request(path, { headers: { ...AUTH, 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(((await after.json()) as { state: string }).state).toBe('cancelled');
    expect((await app.request(path, { headers: { ...AUTH, 'if-none-match': after.headers.get('etag')! } })).status).toBe(304);
  });
});
