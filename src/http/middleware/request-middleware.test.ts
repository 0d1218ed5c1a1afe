import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../create-emulator.js';

const AUTH = { authorization: 'Bearer ghp_octocatEmulatorClassicToken000000000' };
const json = (res: Response): Promise<any> => res.json();

describe('the middleware every request passes', () => {
  it('answers a tenant name it cannot decode, or may not hold, with a GitHub-shaped 404 and the standard headers', async () => {
    const { app, tenants } = createEmulator({ clockMode: 'manual' });
    for (const path of ['/t/%E0%A4%A/agents/tasks', '/t/%/agents/tasks', '/t/bad%20name/agents/tasks', '/t//agents/tasks']) {
      const res = await app.request(path, { headers: AUTH });
      expect(res.status, path).toBe(404);
      // The control API's own 404 says what is near (http/control/unknown-control-path.ts).
      const control = path.startsWith('/_emulator/');
      expect(await json(res), path).toMatchObject({
        message: control ? expect.stringMatching(/^Not Found: no control endpoint GET \/_emulator\/nothing\. /) : 'Not Found',
        documentation_url: control ? 'http://localhost/_emulator/openapi.yaml' : 'https://docs.github.com/rest',
        status: '404',
      });
      expect(res.headers.get('x-github-request-id'), path).toMatch(/^[0-9A-F]+(:[0-9A-F]+){4}$/);
      expect(res.headers.get('x-github-media-type'), path).toBe('github.v3; format=json');
    }
    // Nothing was journaled anywhere, and no tenant was made for them.
    expect(tenants.default.journal.list()).toEqual([]);
    expect(tenants.find('bad name')).toBeUndefined();
  });

  it('gives a tenant addressed by an escaped name its own world and its own URLs', async () => {
    const { app } = createEmulator({ clockMode: 'manual' });
    const res = await app.request('/t/team%2Da/agents/repos/octocat/hello-world/tasks', { method: 'POST', headers: AUTH, body: '{"prompt":"Fix it"}' });
    expect(res.status).toBe(201);
    expect((await json(res)).url).toMatch(/^http:\/\/localhost\/t\/team-a\/agents\/repos\/octocat\/hello-world\/tasks\//);
    expect((await json(await app.request('/t/team-a/_emulator/health'))).tenant).toBe('team-a');
  });

  it('journals API requests with their status and the version check, not control requests', async () => {
    const { app, tenants } = createEmulator({ clockMode: 'manual' });
    await app.request('/agents/tasks?per_page=2', { headers: AUTH });
    await app.request('/agents/tasks', { headers: { ...AUTH, 'x-github-api-version': '1999-01-01' } });
    await app.request('/_emulator/health');
    expect(tenants.default.journal.list().map((e) => [e.method, e.path, e.query, e.status])).toEqual([
      ['GET', '/agents/tasks', '?per_page=2', 200],
      ['GET', '/agents/tasks', '', 400],
    ]);
  });

  it('answers what a handler throws, at once or after waiting, with a GitHub-shaped 500 that carries the standard headers and is journaled', async () => {
    const errors: unknown[] = [];
    const { app, tenants } = createEmulator({ clockMode: 'manual', logError: (e) => errors.push(e) });
    const store = tenants.default.world.store;
    store.query = () => {
      throw new Error('query broke');
    };
    store.insert = () => {
      throw new Error('insert broke');
    };
    const list = await app.request('/agents/repos/octocat/hello-world/tasks', { headers: AUTH });
    // A create reads its body first, so it throws from a handler that has already waited.
    const create = await app.request('/agents/repos/octocat/hello-world/tasks', { method: 'POST', headers: AUTH, body: '{"prompt":"Fix it"}' });
    for (const res of [list, create]) {
      expect(res.status).toBe(500);
      expect(await json(res)).toEqual({ message: 'Server Error', documentation_url: 'https://docs.github.com/rest', status: '500' });
      expect(res.headers.get('x-github-request-id')).toMatch(/^[0-9A-F]+(:[0-9A-F]+){4}$/);
      expect(res.headers.get('x-github-media-type')).toBe('github.v3; format=json');
    }
    expect(errors.map((e) => (e as Error).message)).toEqual(['query broke', 'insert broke']);
    expect(tenants.default.journal.list().map((e) => [e.method, e.status])).toEqual([
      ['GET', 500],
      ['POST', 500],
    ]);
  });

  it('lets a path no route serves through once, under the control API as elsewhere', async () => {
    const { app, tenants } = createEmulator({ clockMode: 'manual' });
    for (const path of ['/agents/nothing', '/t/team-b/nothing', '/_emulator/nothing']) {
      const res = await app.request(path, { headers: AUTH });
      expect(res.status, path).toBe(404);
      // The control API's own 404 says what is near (http/control/unknown-control-path.ts).
      const control = path.startsWith('/_emulator/');
      expect(await json(res), path).toMatchObject({
        message: control ? expect.stringMatching(/^Not Found: no control endpoint GET \/_emulator\/nothing\. /) : 'Not Found',
        documentation_url: control ? 'http://localhost/_emulator/openapi.yaml' : 'https://docs.github.com/rest',
        status: '404',
      });
      expect(res.headers.get('x-github-request-id'), path).toMatch(/^[0-9A-F]+(:[0-9A-F]+){4}$/);
    }
    // Each went through the door once: one journal entry each outside the control API.
    expect(tenants.default.journal.list().map((e) => e.path)).toEqual(['/agents/nothing']);
    expect(tenants.find('team-b')!.journal.list().map((e) => e.path)).toEqual(['/nothing']);
  });
});
