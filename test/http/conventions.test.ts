import { describe, expect, it } from 'vitest';
import { TOKENS, testEmulator } from '../support/emulator.js';

const REPO_TASKS = '/agents/repos/octocat/hello-world/tasks';

describe('GitHub REST conventions', () => {
  it('absent X-GitHub-Api-Version selects 2022-11-28 and the answer says so', async () => {
    const { app } = testEmulator();
    const res = await app.request(REPO_TASKS, { headers: { authorization: `Bearer ${TOKENS.octocat}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-github-api-version-selected')).toBe('2022-11-28');
  });

  it.each(['2026-03-10', '2022-11-28'])('accepts version %s and echoes it', async (version) => {
    const { request } = testEmulator();
    const res = await request(REPO_TASKS, { headers: { 'x-github-api-version': version } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-github-api-version-selected')).toBe(version);
  });

  it('an unknown version is a 400 with GitHub exact body, before authentication', async () => {
    const { app } = testEmulator();
    const res = await app.request(REPO_TASKS, { headers: { 'x-github-api-version': 'v3' } });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toEqual({
      message: 'Bad Request',
      errors:
        'The version you specified in the "X-GitHub-API-Version" request header, "v3", is not a supported version. The following versions are currently supported: "2026-03-10" (most recent) and "2022-11-28".',
      documentation_url: 'https://docs.github.com/rest',
      status: '400',
    });
  });

  it('puts request id, media type and rate-limit headers on answers', async () => {
    const { request } = testEmulator();
    const first = await request(REPO_TASKS);
    const second = await request(REPO_TASKS);
    expect(first.headers.get('x-github-request-id')).toMatch(/^[0-9A-F]+:[0-9A-F]+:[0-9A-F]+:[0-9A-F]+:[0-9A-F]+$/);
    expect(second.headers.get('x-github-request-id')).not.toBe(first.headers.get('x-github-request-id'));
    expect(first.headers.get('x-github-media-type')).toBe('github.v3; format=json');
    expect(first.headers.get('x-ratelimit-limit')).toBe('5000');
    expect(first.headers.get('x-ratelimit-resource')).toBe('core');
    expect(first.headers.get('x-ratelimit-used')).toBe('1');
    expect(second.headers.get('x-ratelimit-used')).toBe('2');
    expect(second.headers.get('x-ratelimit-remaining')).toBe('4998');
    // The window opens with the first request and lasts an hour on the tenant clock.
    expect(Number(first.headers.get('x-ratelimit-reset'))).toBe(Date.UTC(2026, 10, 1, 13, 0, 0) / 1000);
  });

  it('counts rate limits per token', async () => {
    const { request } = testEmulator();
    await request(REPO_TASKS);
    const other = await request(REPO_TASKS, { token: TOKENS.monalisa });
    expect(other.headers.get('x-ratelimit-used')).toBe('1');
  });

  it('answers GETs with an ETag and If-None-Match with 304, no body, at no rate-limit cost', async () => {
    const { request } = testEmulator();
    const res = await request(REPO_TASKS);
    const etag = res.headers.get('etag');
    expect(etag).toMatch(/^W\/"[0-9a-f]+"$/);
    expect(res.headers.get('cache-control')).toBe('private, max-age=60, s-maxage=60');
    const cached = await request(REPO_TASKS, { headers: { 'if-none-match': etag! } });
    expect(cached.status).toBe(304);
    expect(await cached.text()).toBe('');
    expect(cached.headers.get('etag')).toBe(etag);
    expect(cached.headers.get('x-ratelimit-used')).toBe('1');
    const again = await request(REPO_TASKS);
    expect(again.headers.get('x-ratelimit-used')).toBe('2');
  });

  it('a changed resource gets a new ETag, so a stale If-None-Match gets the full answer', async () => {
    const { request, create } = testEmulator();
    const etag = (await request(REPO_TASKS)).headers.get('etag')!;
    await create({ prompt: 'Change the list' });
    const res = await request(REPO_TASKS, { headers: { 'if-none-match': etag } });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).not.toBe(etag);
  });

  it('HEAD works on every GET and has no body', async () => {
    const { request, create } = testEmulator();
    const { body: task } = await create({ prompt: 'Head me' });
    for (const path of [REPO_TASKS, `${REPO_TASKS}/${task.id}`, '/agents/tasks', `/agents/tasks/${task.id}`]) {
      const res = await request(path, { method: 'HEAD' });
      expect(res.status, path).toBe(200);
      expect(await res.text()).toBe('');
    }
  });

  it.each([
    ['an unknown path', 'GET', '/agents/nope'],
    ['a trailing slash', 'GET', '/agents/tasks/'],
    ['a trailing slash on a repository list', 'GET', `${REPO_TASKS}/`],
    ['an unsupported method', 'DELETE', REPO_TASKS],
    ['PUT on a task', 'PUT', '/agents/tasks/abc'],
    ['PATCH on the user list', 'PATCH', '/agents/tasks'],
  ])('answers %s with 404 Not Found (GitHub sends no 405)', async (_what, method, path) => {
    const { request } = testEmulator();
    const res = await request(path, { method });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toEqual({ message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });
  });
});
