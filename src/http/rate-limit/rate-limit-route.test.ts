import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../create-emulator.js';

/** Response bodies in these tests are GitHub JSON; their shape is what is under test. */
const json = (res: Response): Promise<any> => res.json();
const TOKEN = 'ghp_octocatEmulatorClassicToken000000000';
const auth = { authorization: `Bearer ${TOKEN}` };
const T0 = Date.UTC(2026, 2, 10, 9, 30, 0);
const setup = () => {
  const emulator = createEmulator({ clockMode: 'manual', clockStart: T0 });
  return { app: emulator.app, tenant: emulator.tenants.default };
};

describe('GET /rate_limit', () => {
  it("answers the token's core quota in GitHub's shape without counting against it", async () => {
    const { app } = setup();
    await app.request('/agents/tasks', { headers: auth });
    const core = { limit: 5000, remaining: 4999, reset: T0 / 1000 + 3600, used: 1, resource: 'core' };
    for (let i = 0; i < 2; i++) {
      const res = await app.request('/rate_limit', { headers: auth });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-ratelimit-used')).toBe('1');
      expect(await json(res)).toEqual({
        resources: { core, search: { limit: 30, remaining: 30, reset: T0 / 1000 + 60, used: 0, resource: 'search' } },
        rate: core,
      });
    }
  });

  it('drops the top-level rate in API version 2026-03-10, as GitHub does', async () => {
    const { app } = setup();
    const body = await json(await app.request('/rate_limit', { headers: { ...auth, 'x-github-api-version': '2026-03-10' } }));
    expect(body).not.toHaveProperty('rate');
    expect(body.resources.core.limit).toBe(5000);
  });

  it('still answers when the quota is spent', async () => {
    const { app, tenant } = setup();
    tenant.rateLimits.setRemaining(TOKEN, 5000, 0);
    const res = await app.request('/rate_limit', { headers: auth });
    expect(res.status).toBe(200);
    expect((await json(res)).resources.core).toMatchObject({ remaining: 0, used: 5000 });
  });

  it('shows the unauthenticated quota without a token and refuses an unknown one', async () => {
    const { app } = setup();
    expect((await json(await app.request('/rate_limit'))).resources.core).toMatchObject({ limit: 60, remaining: 60 });
    const bad = await app.request('/rate_limit', { headers: { authorization: 'Bearer ghp_nope' } });
    expect(bad.status).toBe(401);
    expect((await json(bad)).message).toBe('Bad credentials');
  });

  it('answers per tenant', async () => {
    const { app } = setup();
    await app.request('/t/ci/agents/tasks', { headers: auth });
    expect((await json(await app.request('/t/ci/rate_limit', { headers: auth }))).resources.core.used).toBe(1);
    expect((await json(await app.request('/rate_limit', { headers: auth }))).resources.core.used).toBe(0);
  });
});
