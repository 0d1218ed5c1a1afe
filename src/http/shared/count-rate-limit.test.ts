import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEmulator, type EmulatorOptions } from '../../create-emulator.js';
import { BUILT_IN_FIXTURES_DIR } from '../../fixtures/load-fixtures.js';
import { tempDir } from '../../../test/support/temp-dir.js';

/** Response bodies in these tests are GitHub JSON; their shape is what is under test. */
const json = (res: Response): Promise<any> => res.json();
const TOKEN = 'ghp_octocatEmulatorClassicToken000000000';
const OCTOCAT_ID = 583231;
const auth = { authorization: `Bearer ${TOKEN}` };
const T0 = Date.UTC(2026, 2, 10, 9, 30, 0);
const REPO_TASKS = '/agents/repos/octocat/hello-world/tasks';
const post = (app: ReturnType<typeof createEmulator>['app']) =>
  app.request(REPO_TASKS, { method: 'POST', headers: auth, body: JSON.stringify({ prompt: 'Add a changelog' }) });

function setup(options: EmulatorOptions = {}) {
  const emulator = createEmulator({ clockMode: 'manual', clockStart: T0, ...options });
  const tenant = emulator.tenants.default;
  return { app: emulator.app, tenant, taskCount: () => tenant.world.store.count() };
}

describe('primary rate limit', () => {
  it('answers 403 with GitHub headers and body once the quota is spent, without running the operation', async () => {
    const { app, tenant, taskCount } = setup();
    tenant.rateLimits.setLimit(TOKEN, 2);
    expect((await app.request('/agents/tasks', { headers: auth })).headers.get('x-ratelimit-remaining')).toBe('1');
    expect((await post(app)).status).toBe(201);
    const before = taskCount();
    const res = await post(app);
    expect(res.status).toBe(403);
    expect(taskCount()).toBe(before);
    const requestId = res.headers.get('x-github-request-id');
    expect(Object.fromEntries([...res.headers].filter(([k]) => k.startsWith('x-ratelimit-')))).toEqual({
      'x-ratelimit-limit': '2',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-used': '2',
      'x-ratelimit-reset': String(T0 / 1000 + 3600),
      'x-ratelimit-resource': 'core',
    });
    expect(res.headers.has('retry-after')).toBe(false);
    expect(await json(res)).toEqual({
      message: `API rate limit exceeded for user ID ${OCTOCAT_ID}. If you reach out to GitHub Support for help, please include the request ID ${requestId} and timestamp 2026-03-10 09:30:00 UTC.`,
      documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
      status: '403',
    });
  });

  it('can answer 429 instead', async () => {
    const { app, tenant } = setup({ rateLimits: { primary: { status: 429 } } });
    tenant.rateLimits.setRemaining(TOKEN, 5000, 0);
    const res = await app.request('/agents/tasks', { headers: auth });
    expect(res.status).toBe(429);
    expect((await json(res)).status).toBe('429');
  });

  it('serves again once the window has reset on the tenant clock', async () => {
    const { app, tenant } = setup();
    tenant.rateLimits.setLimit(TOKEN, 1);
    await app.request('/agents/tasks', { headers: auth });
    expect((await app.request('/agents/tasks', { headers: auth })).status).toBe(403);
    tenant.clock.advance(3_600_000);
    const res = await app.request('/agents/tasks', { headers: auth });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-ratelimit-reset')).toBe(String(T0 / 1000 + 7200));
  });

  it('charges nothing for a 304', async () => {
    const { app } = setup();
    const first = await app.request('/agents/tasks', { headers: auth });
    const etag = first.headers.get('etag')!;
    const again = await app.request('/agents/tasks', { headers: { ...auth, 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('x-ratelimit-used')).toBe('1');
    expect((await app.request('/agents/tasks', { headers: auth })).headers.get('x-ratelimit-used')).toBe('2');
  });

  it('keeps tokens apart', async () => {
    const { app, tenant } = setup();
    tenant.rateLimits.setRemaining(TOKEN, 5000, 0);
    const other = { authorization: 'Bearer ghp_monalisaEmulatorClassicToken00000000' };
    expect((await app.request('/agents/tasks', { headers: other })).status).toBe(200);
  });

  it('honours rate_limit from the fixtures', async () => {
    const dir = tempDir('fixtures-');
    cpSync(BUILT_IN_FIXTURES_DIR, dir, { recursive: true });
    const tokens = join(dir, 'tokens.yaml');
    writeFileSync(tokens, readFileSync(tokens, 'utf8').replace(`user: octocat\n    description: octocat, classic`, `user: octocat\n    rate_limit: 1\n    description: octocat, classic`));
    const { app } = setup({ fixturesDir: dir });
    const first = await app.request('/agents/tasks', { headers: auth });
    expect(first.headers.get('x-ratelimit-limit')).toBe('1');
    expect((await app.request('/agents/tasks', { headers: auth })).status).toBe(403);
  });
});

describe('secondary rate limit', () => {
  it('refuses content creation beyond the limit with retry-after and GitHub body, reads still pass', async () => {
    const { app, tenant, taskCount } = setup({ rateLimits: { secondary: { limit: 2, retryAfterSeconds: 5 } } });
    expect((await post(app)).status).toBe(201);
    expect((await post(app)).status).toBe(201);
    const before = taskCount();
    const res = await post(app);
    expect(res.status).toBe(403);
    expect(taskCount()).toBe(before);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(res.headers.get('x-ratelimit-remaining')).toBe('4998');
    const requestId = res.headers.get('x-github-request-id');
    expect(await json(res)).toEqual({
      message: `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${requestId} and timestamp 2026-03-10 09:30:00 UTC.`,
      documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
      status: '403',
    });
    expect((await app.request('/agents/tasks', { headers: auth })).status).toBe(200);
    tenant.clock.advance(2_000);
    expect((await post(app)).headers.get('retry-after')).toBe('3');
    tenant.clock.advance(3_000);
    expect((await post(app)).status).toBe(201);
  });

  it('defaults to GitHub numbers: the 81st content-creating request in a minute is refused', async () => {
    const { app } = setup();
    for (let i = 0; i < 80; i++) expect((await post(app)).status).toBe(201);
    const res = await post(app);
    expect(res.status).toBe(403);
    expect(res.headers.get('retry-after')).toBe('60');
  });

  it('can answer 429 instead', async () => {
    const { app } = setup({ rateLimits: { secondary: { limit: 1, status: 429 } } });
    await post(app);
    expect((await post(app)).status).toBe(429);
  });
});
