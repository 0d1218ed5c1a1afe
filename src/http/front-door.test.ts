import { describe, expect, it } from 'vitest';
import { createEmulator } from '../create-emulator.js';

const AUTH = { authorization: 'Bearer ghp_octocatEmulatorClassicToken000000000' };
const json = (res: Response): Promise<any> => res.json();

describe('front door', () => {
  it('answers a tenant name it cannot decode, or may not hold, with a GitHub-shaped 404 and the standard headers', async () => {
    const { app, tenants } = createEmulator({ clockMode: 'manual' });
    for (const path of ['/t/%E0%A4%A/agents/tasks', '/t/%/agents/tasks', '/t/bad%20name/agents/tasks', '/t//agents/tasks']) {
      const res = await app.request(path, { headers: AUTH });
      expect(res.status, path).toBe(404);
      expect(await json(res), path).toEqual({ message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });
      expect(res.headers.get('x-github-request-id'), path).toMatch(/^[0-9A-F]+(:[0-9A-F]+){4}$/);
      expect(res.headers.get('x-github-media-type'), path).toBe('github.v3; format=json');
    }
    // Nothing was journaled anywhere, and no tenant was made for them.
    expect(tenants.default.journal.list()).toEqual([]);
    expect(tenants.get('bad name')).toBeUndefined();
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
});
