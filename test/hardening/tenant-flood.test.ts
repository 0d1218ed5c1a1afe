import { describe, expect, it } from 'vitest';
import { TOKENS, testEmulator } from '../support/emulator.js';

const REPO = '/agents/repos/octocat/hello-world/tasks';
const post = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body) });

describe('who brings a tenant into being', () => {
  it('a flood of requests without a valid token makes no tenant and drops nobody else’s', async () => {
    const { json, request, tenants } = testEmulator({ maxTenants: 10 });
    const kept = await json(`/t/keep${REPO}`, post({ prompt: 'Do not lose me' }));
    expect(kept.status).toBe(201);
    for (let i = 0; i < 1000; i++) {
      const token = i % 2 === 0 ? null : 'ghp_notARealToken';
      const res = await request(`/t/flood-${i}${REPO}?per_page=1`, { token });
      expect(res.status).toBe(401);
    }
    expect(tenants.names()).toEqual(['default', 'keep']);
    expect((await request(`/t/keep/agents/tasks/${kept.body.id}`)).status).toBe(200);
  });

  it('answers GitHub’s two 401s for a tenant that does not exist yet, as for one that does', async () => {
    const { json } = testEmulator();
    const missing = await json(`/t/new${REPO}`, { token: null });
    expect(missing).toMatchObject({ status: 401, body: { message: 'Requires authentication', status: '401' } });
    const bad = await json(`/t/new${REPO}`, { token: 'ghp_notARealToken' });
    expect(bad).toMatchObject({ status: 401, body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' } });
  });

  describe('with --control-token', () => {
    const guarded = () => testEmulator({ controlToken: 's3cret' });

    it('an unknown tenant’s API answers 404, however good the GitHub token, and none is made', async () => {
      const { json, tenants } = guarded();
      const res = await json(`/t/job-1${REPO}`, { token: TOKENS.octocat });
      expect(res).toMatchObject({ status: 404, body: { message: 'Not Found' } });
      expect(tenants.names()).toEqual(['default']);
    });

    it('the control API makes a tenant only with the control token', async () => {
      const { json, tenants } = guarded();
      const refused = await json('/t/job-1/_emulator/reset', { method: 'POST', token: null });
      expect(refused.status).toBe(401);
      expect(tenants.names()).toEqual(['default']);
      const made = await json('/t/job-1/_emulator/reset', { method: 'POST', token: null, headers: { 'x-emulator-control-token': 's3cret' } });
      expect(made).toMatchObject({ status: 200, body: { tenant: 'job-1' } });
      expect(tenants.names()).toEqual(['default', 'job-1']);
      // Once made, its API answers as any tenant's does.
      expect((await json(`/t/job-1${REPO}?per_page=1`, { token: TOKENS.octocat })).status).toBe(200);
    });
  });
});
