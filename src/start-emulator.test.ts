import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { parse } from 'yaml';
import { isAccepting, startSlowPost } from '../test/support/slow-post.js';
import { BUILT_IN_FIXTURES_DIR } from './fixtures/load-fixtures.js';
import { BUILT_IN_TOKEN_NAMES } from './emulator-tokens.js';
import { startEmulator, type RunningEmulator } from './start-emulator.js';

const running: RunningEmulator[] = [];
async function start(options: { logLevel?: 'info'; logSink?: (line: string) => void } = {}) {
  const emulator = await startEmulator(options);
  running.push(emulator);
  return emulator;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.stop()));
});

const portOf = (url: string) => Number(new URL(url).port);
const auth = (token: string | undefined) => ({ authorization: `Bearer ${token}`, 'x-github-api-version': '2026-03-10' });

describe('startEmulator', () => {
  it('listens on a free loopback port and serves the API there', async () => {
    const a = await start();
    const b = await start();
    expect(a.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(portOf(a.url)).not.toBe(portOf(b.url));
    const res = await fetch(`${a.url}/agents/repos/octocat/hello-world/tasks?per_page=1`, { headers: auth(a.tokens.octocat) });
    expect(res.status).toBe(200);
  });

  it('returns the named tokens of tokens.yaml, which authenticate as their fixtures say', async () => {
    const e = await start();
    const file = parse(readFileSync(new URL('../fixtures/tokens.yaml', import.meta.url), 'utf8')) as { tokens: Array<{ name: string; token: string }> };
    expect(e.tokens).toEqual(Object.fromEntries(file.tokens.map((t) => [t.name, t.token])));
    expect(Object.keys(e.tokens)).toEqual([...BUILT_IN_TOKEN_NAMES]);
    const status = async (token: string | undefined) => (await fetch(`${e.url}/agents/tasks`, { headers: auth(token) })).status;
    expect(await status(e.tokens.octocatOAuth)).toBe(200);
    expect(await status(e.tokens.installation)).toBe(403);
  });

  it('types the built-in names as present only while the fixtures are the built-in ones', async () => {
    const builtIn = await start();
    expectTypeOf(builtIn.tokens.octocatReadOnly).toEqualTypeOf<string>();
    const custom = await startEmulator({ fixturesDir: BUILT_IN_FIXTURES_DIR });
    running.push(custom);
    // Under this project's noUncheckedIndexedAccess a name is only maybe there.
    expectTypeOf(custom.tokens.octocatReadOnly).toEqualTypeOf<string | undefined>();
    expect(custom.tokens).toEqual(builtIn.tokens);
  });

  it('offers a port-less fetch into the same emulator', async () => {
    const e = await start();
    const created = await e.fetch('https://api.github.com/agents/repos/octocat/hello-world/tasks', {
      method: 'POST',
      headers: { ...auth(e.tokens.octocat), 'content-type': 'application/json' },
      body: '{"prompt":"Write the changelog"}',
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const overHttp = await fetch(`${e.url}/agents/tasks/${id}`, { headers: auth(e.tokens.octocat) });
    expect(overHttp.status).toBe(200);
  });

  it('controls the default tenant, leaving other tenants alone', async () => {
    const e = await start();
    const { tasks } = await e.control.health();
    const post = (prefix: string) =>
      fetch(`${e.url}${prefix}/agents/repos/octocat/hello-world/tasks`, { method: 'POST', headers: auth(e.tokens.octocat), body: '{"prompt":"x"}' });
    await post('');
    await post('/t/other');
    expect((await e.control.health()).tasks).toBe(tasks + 1);
    await e.control.reset();
    expect((await e.control.health()).tasks).toBe(tasks);
    const other = (await (await fetch(`${e.url}/t/other/_emulator/health`)).json()) as { tasks: number };
    expect(other.tasks).toBe(tasks + 1);
  });

  it('controls its emulator even when a test has replaced the global fetch', async () => {
    const e = await start();
    const original = globalThis.fetch;
    globalThis.fetch = async () => new Response('intercepted', { status: 599 });
    try {
      expect(await e.control.health()).toMatchObject({ status: 'ok', tenant: 'default' });
    } finally {
      globalThis.fetch = original;
    }
  });

  it('writes nothing to stdout or stderr unless asked to log', async () => {
    const out = vi.spyOn(process.stdout, 'write');
    const err = vi.spyOn(process.stderr, 'write');
    try {
      const e = await start();
      await fetch(`${e.url}/agents/tasks`, { headers: auth(e.tokens.octocat) });
      await fetch(`${e.url}/nowhere`);
      expect(out).not.toHaveBeenCalled();
      expect(err).not.toHaveBeenCalled();
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  });

  it('logs JSON lines to the given sink when a level is set', async () => {
    const lines: string[] = [];
    const e = await start({ logLevel: 'info', logSink: (line) => lines.push(line) });
    await fetch(`${e.url}/_emulator/health`);
    expect(lines.map((l) => JSON.parse(l))).toEqual([expect.objectContaining({ method: 'GET', path: '/_emulator/health', status: 200 })]);
  });

  it('rejects, rather than hanging, when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      await expect(startEmulator({ port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      blocker.close();
    }
  });

  describe('stop()', () => {
    it('closes the port, and may be called twice', async () => {
      const e = await startEmulator();
      const port = portOf(e.url);
      expect(await isAccepting('127.0.0.1', port)).toBe(true);
      await e.stop();
      await e.stop();
      expect(await isAccepting('127.0.0.1', port)).toBe(false);
    });

    it('stops accepting at once but lets a request in flight finish, then closes its connection', async () => {
      const e = await startEmulator({ stopGraceMs: 60_000 });
      const port = portOf(e.url);
      const slow = await startSlowPost(`${e.url}/agents/repos/octocat/hello-world/tasks`, '{"prompt":"Slowly"}');
      const stopped = e.stop();
      expect(await isAccepting('127.0.0.1', port)).toBe(false);
      const answer = await slow.finish();
      expect(answer.status).toBe(201);
      expect(JSON.parse(answer.text)).toMatchObject({ state: 'queued' });
      // The client's agent keeps the connection alive; stop() must not wait for the grace period.
      const finished = Date.now();
      await stopped;
      expect(Date.now() - finished).toBeLessThan(2_000);
    });

    it('is not held open by an idle keep-alive connection', async () => {
      const e = await startEmulator({ stopGraceMs: 60_000 });
      // fetch (undici) keeps its connection open for reuse after this answer.
      await (await fetch(`${e.url}/_emulator/health`)).text();
      const started = Date.now();
      await e.stop();
      expect(Date.now() - started).toBeLessThan(5_000);
    });

    it('cuts off a request that does not finish within the grace period', async () => {
      const e = await startEmulator({ stopGraceMs: 100 });
      const slow = await startSlowPost(`${e.url}/agents/repos/octocat/hello-world/tasks`, '{"prompt":"Never sent"}');
      const started = Date.now();
      await e.stop();
      expect(Date.now() - started).toBeLessThan(5_000);
      await expect(slow.finish()).rejects.toThrow();
    });
  });
});
