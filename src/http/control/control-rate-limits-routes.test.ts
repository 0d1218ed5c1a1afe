import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../create-emulator.js';

/** Response bodies in these tests are JSON; their shape is what is under test. */
const json = (res: Response): Promise<any> => res.json();
const TOKEN = 'ghp_octocatEmulatorClassicToken000000000';
const OTHER = 'ghp_monalisaEmulatorClassicToken00000000';
const auth = (token = TOKEN) => ({ authorization: `Bearer ${token}` });
const T0 = Date.UTC(2026, 2, 10, 9, 30, 0);

function setup() {
  const emulator = createEmulator({ clockMode: 'manual', clockStart: T0 });
  const app = emulator.app;
  const send = (method: string, path: string, body?: unknown) =>
    app.request(path, { method, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  const tasks = (token = TOKEN) => app.request('/agents/tasks', { headers: auth(token) });
  const create = () => app.request('/agents/repos/octocat/hello-world/tasks', { method: 'POST', headers: auth(), body: '{"prompt":"x"}' });
  const tokenStatus = async (token = TOKEN) => json(await app.request(`/_emulator/rate-limits/${token}`));
  return { app, send, tasks, create, tokenStatus };
}

describe('/_emulator/rate-limits', () => {
  it("lists the settings and every token's standing", async () => {
    const { app, tasks } = setup();
    await tasks();
    const body = await json(await app.request('/_emulator/rate-limits'));
    expect(body.settings).toEqual({
      primary: { status: 403, window_seconds: 3600 },
      secondary: { limit: 80, window_seconds: 60, retry_after_seconds: 60, status: 403 },
    });
    expect(body.tokens.find((t: { token: string }) => t.token === TOKEN)).toEqual({
      token: TOKEN,
      user: { login: 'octocat', id: 583231 },
      limit: 5000,
      fixture_limit: 5000,
      overridden: false,
      used: 1,
      remaining: 4999,
      reset: T0 / 1000 + 3600,
      secondary: { used: 0, blocked_until: null },
    });
  });

  it('is not counted against any quota', async () => {
    const { app, tokenStatus } = setup();
    await app.request('/_emulator/rate-limits');
    await tokenStatus();
    expect((await tokenStatus()).used).toBe(0);
  });

  it("changes a token's limit with PUT and restores it with null", async () => {
    const { send, tasks } = setup();
    const res = await send('PUT', `/_emulator/rate-limits/${TOKEN}`, { limit: 2 });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ limit: 2, fixture_limit: 5000, overridden: true, remaining: 2 });
    expect((await tasks()).status).toBe(200);
    expect((await tasks()).status).toBe(200);
    expect((await tasks()).status).toBe(403);
    expect((await tasks(OTHER)).status).toBe(200);
    expect(await json(await send('PUT', `/_emulator/rate-limits/${TOKEN}`, { limit: null }))).toMatchObject({ limit: 5000, overridden: false });
    expect((await tasks()).status).toBe(200);
  });

  it('exhausts a quota at once with PATCH remaining: 0', async () => {
    const { send, tasks } = setup();
    expect(await json(await send('PATCH', `/_emulator/rate-limits/${TOKEN}`, { remaining: 0 }))).toMatchObject({ used: 5000, remaining: 0 });
    expect((await tasks()).status).toBe(403);
  });

  it('refuses bad token updates and changes nothing', async () => {
    const { send, tokenStatus } = setup();
    expect((await send('PUT', '/_emulator/rate-limits/ghp_unknown', { limit: 1 })).status).toBe(404);
    for (const body of [{ limit: 0 }, {}, { limit: 1, used: 3 }, { remaining: -1 }]) {
      const res = await send('PUT', `/_emulator/rate-limits/${TOKEN}`, body);
      expect(res.status).toBe(422);
      expect((await json(res)).errors[0].resource).toBe('RateLimit');
    }
    expect((await send('PUT', `/_emulator/rate-limits/${TOKEN}`, 'limit=1')).status).toBe(400);
    expect(await tokenStatus()).toMatchObject({ limit: 5000, overridden: false, used: 0 });
  });

  it('changes how limits answer with PATCH', async () => {
    const { send, create, tasks } = setup();
    const res = await send('PATCH', '/_emulator/rate-limits', { primary: { status: 429 }, secondary: { limit: 1, retry_after_seconds: 2 } });
    expect(res.status).toBe(200);
    expect((await json(res)).settings).toEqual({
      primary: { status: 429, window_seconds: 3600 },
      secondary: { limit: 1, window_seconds: 60, retry_after_seconds: 2, status: 403 },
    });
    expect((await create()).status).toBe(201);
    const refused = await create();
    expect(refused.status).toBe(403);
    expect(refused.headers.get('retry-after')).toBe('2');
    await send('PATCH', `/_emulator/rate-limits/${TOKEN}`, { remaining: 0 });
    expect((await tasks()).status).toBe(429);
  });

  it('refuses bad settings and changes nothing', async () => {
    const { app, send } = setup();
    for (const body of [{ primary: { status: 500 } }, { primary: { window_seconds: 0 } }, { secondary: { limit: 0 } }, { secondary: { burst: 3 } }, { primary_status: 403 }]) {
      const res = await send('PATCH', '/_emulator/rate-limits', body);
      expect(res.status).toBe(422);
      expect((await json(res)).message).toBe('Validation Failed');
    }
    expect((await json(await app.request('/_emulator/rate-limits'))).settings.primary).toEqual({ status: 403, window_seconds: 3600 });
  });

  it('turns the secondary limit off with limit: null', async () => {
    const { send, create } = setup();
    await send('PATCH', '/_emulator/rate-limits', { secondary: { limit: null } });
    for (let i = 0; i < 90; i++) expect((await create()).status).toBe(201);
  });

  it('resets counts of all tokens or one, keeping limits', async () => {
    const { send, tasks, tokenStatus } = setup();
    await send('PUT', `/_emulator/rate-limits/${TOKEN}`, { limit: 1 });
    await tasks();
    await tasks(OTHER);
    expect((await tasks()).status).toBe(403);
    expect((await send('POST', '/_emulator/rate-limits/reset', { token: TOKEN })).status).toBe(204);
    expect(await tokenStatus()).toMatchObject({ limit: 1, used: 0 });
    expect((await tokenStatus(OTHER)).used).toBe(1);
    expect((await send('POST', '/_emulator/rate-limits/reset')).status).toBe(204);
    expect((await tokenStatus(OTHER)).used).toBe(0);
    const unknown = await send('POST', '/_emulator/rate-limits/reset', { token: 'ghp_unknown' });
    expect(unknown.status).toBe(422);
    expect((await tasks()).status).toBe(200);
  });

  it('answers an unknown token with 404', async () => {
    const { app } = setup();
    const res = await app.request('/_emulator/rate-limits/ghp_unknown');
    expect(res.status).toBe(404);
    expect(await json(res)).toEqual({ message: 'Not Found', documentation_url: 'http://localhost/_emulator/openapi.yaml', status: '404' });
  });
});
