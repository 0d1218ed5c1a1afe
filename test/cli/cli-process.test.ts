// The CLI as a process: main.ts wiring, exit codes, logs on stdout and graceful shutdown. Runs
// src/main.ts through tsx so it needs no build; test/package/pack.test.ts repeats the essentials
// against the packed and installed package.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { isAccepting, startSlowPost } from '../support/slow-post.js';
import { cleanEnv, spawnCli, type CliProcess } from '../support/spawn-cli.js';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
const TOKEN = 'ghp_octocatEmulatorClassicToken000000000';
const started: CliProcess[] = [];
const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => {
  const p = spawnCli(['--import', 'tsx', MAIN, ...args], { env: cleanEnv(env) });
  started.push(p);
  return p;
};
afterEach(() => {
  for (const p of started.splice(0)) if (p.child.exitCode === null) p.child.kill('SIGKILL');
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('agent-tasks-emulator (process)', () => {
  it('prints help and exits 0', async () => {
    const p = cli(['--help']);
    expect((await p.exited).code).toBe(0);
    expect(p.stdout()).toMatch(/^Usage: agent-tasks-emulator \[command\] \[options\]/);
  });

  it('prints the package version', async () => {
    const p = cli(['--version']);
    expect((await p.exited).code).toBe(0);
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(p.stdout()).toBe(`${version}\n`);
  });

  it('exits 2 with a clear message for a bad value, from a flag or from the environment', async () => {
    const flag = cli(['--port', 'eighty']);
    expect((await flag.exited).code).toBe(2);
    expect(flag.stderr()).toContain('--port must be an integer from 0 to 65535, not "eighty"');
    expect(flag.stdout()).toBe('');
    const env = cli([], { AGENT_TASKS_LINK_STYLE: 'fancy' });
    expect((await env.exited).code).toBe(2);
    expect(env.stderr()).toContain('AGENT_TASKS_LINK_STYLE must be one of description, github');
  });

  it('exits 2 for contradictory options, before listening', async () => {
    const p = cli(['--clock', 'manual', '--time-scale', '60', '--port', '0']);
    expect((await p.exited).code).toBe(2);
    expect(p.stderr()).toContain('--time-scale runs a scaled clock, but --clock asks for manual');
    expect(p.stdout()).toBe('');
  });

  it('--ready-json prints one JSON line once listening, with url, tokens, version and pid, then serves', async () => {
    const p = cli(['--ready-json', '--port', '0', '--log-level', 'error']);
    const line = await new Promise<string>((resolve, reject) => {
      const look = () => (p.stdout().includes('\n') ? resolve(p.stdout().slice(0, p.stdout().indexOf('\n'))) : undefined);
      p.child.stdout!.on('data', look);
      void p.exited.then(({ code }) => reject(new Error(`exited with ${code}: ${p.stderr()}`)));
    });
    const ready = JSON.parse(line) as { event: string; url: string; tenant_url: string; health_url: string; tokens: Record<string, string>; version: string; pid: number };
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(ready).toMatchObject({ event: 'listening', version, pid: p.child.pid, tenant_url: `${ready.url}/t/{name}`, health_url: `${ready.url}/_emulator/health` });
    expect(ready.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(ready.tokens.octocat).toBe(TOKEN);
    const res = await fetch(`${ready.url}/agents/tasks`, { headers: { authorization: `Bearer ${ready.tokens.octocat}`, 'x-github-api-version': '2026-03-10' } });
    expect(res.status).toBe(200);
    expect(p.stdout()).toBe(`${line}\n`); // no banner, and no request log at --log-level error
    p.child.kill('SIGTERM');
    expect((await p.exited).code).toBe(0);
  });

  it('validate exits 1 for a broken fixtures folder and 0 for the built-in one', async () => {
    const bad = cli(['validate', '--fixtures', '/nonexistent/fixtures']);
    expect((await bad.exited).code).toBe(1);
    expect(bad.stderr()).toContain('FAIL  fixtures /nonexistent/fixtures: /nonexistent/fixtures/accounts.yaml: file not found');
    const good = cli(['validate']);
    expect((await good.exited).code).toBe(0);
    expect(good.stdout()).toMatch(/^OK {4}fixtures /);
  });

  it('serve refuses to start with invalid fixtures, exit 1', async () => {
    const p = cli(['--fixtures', '/nonexistent/fixtures', '--port', '0']);
    expect((await p.exited).code).toBe(1);
    expect(p.stderr()).toContain('invalid fixtures: /nonexistent/fixtures/accounts.yaml: file not found');
  });

  it('serves, logs each request as a JSON line, and on SIGTERM finishes the request in flight and exits 0', async () => {
    const p = cli(['--port', '0']);
    const url = await p.url();
    const port = Number(new URL(url).port);
    expect(p.stdout()).toContain(`${url}/t/<name>/...`);
    expect(p.stdout()).toContain(`Bearer ${TOKEN}`);

    const res = await fetch(`${url}/agents/repos/octocat/hello-world/tasks?per_page=1`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    await expect.poll(() => jsonLines(p.stdout()).filter((l) => l.msg === 'request')).toEqual([
      expect.objectContaining({ level: 'info', method: 'GET', path: '/agents/repos/octocat/hello-world/tasks', status: 200, request_id: res.headers.get('x-github-request-id') }),
    ]);

    const slow = await startSlowPost(`${url}/agents/repos/octocat/hello-world/tasks`, '{"prompt":"Finish me"}');
    p.child.kill('SIGTERM');
    await expect.poll(() => isAccepting('127.0.0.1', port)).toBe(false);
    expect(p.child.exitCode).toBeNull();
    const answer = await slow.finish();
    expect(answer.status).toBe(201);
    expect(await p.exited).toEqual({ code: 0, signal: null });
    // The create's lifecycle event comes before its request line, which is written once it is answered.
    expect(jsonLines(p.stdout()).map((l) => l.msg)).toEqual(['request', 'shutting down', 'task started', 'request', 'stopped']);
  });

  it('exits 0 on SIGINT too', async () => {
    const p = cli(['--port', '0']);
    await p.url();
    // At once, right after the banner: the handler must already be there.
    p.child.kill('SIGINT');
    expect(await p.exited).toEqual({ code: 0, signal: null });
  });

  it('stays silent at --log-level silent, and reads the port from PORT', async () => {
    const port = await freePort();
    const p = cli(['--log-level', 'silent'], { PORT: String(port) });
    await expect.poll(() => isAccepting('127.0.0.1', port), { timeout: 10_000 }).toBe(true);
    expect((await fetch(`http://127.0.0.1:${port}/_emulator/health`)).status).toBe(200);
    p.child.kill('SIGTERM');
    expect((await p.exited).code).toBe(0);
    expect(p.stdout()).toBe('');
    expect(p.stderr()).toBe('');
  });

  it('exits 1 with a hint when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const port = (blocker.address() as { port: number }).port;
      const p = cli(['--port', String(port)]);
      expect((await p.exited).code).toBe(1);
      expect(p.stderr()).toContain(`cannot listen on 127.0.0.1:${port}: the port is in use`);
    } finally {
      blocker.close();
    }
  });
});

function jsonLines(text: string): Array<Record<string, unknown>> {
  return text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
