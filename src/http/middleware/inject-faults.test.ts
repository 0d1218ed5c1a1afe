import { Hono } from 'hono';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator, type EmulatorOptions } from '../../create-emulator.js';
import type { FaultRuleSpec } from '../../faults/fault-rule.js';
import { FaultRuleError } from '../../faults/load-fault-rules.js';
import { startEmulator, type RunningEmulator } from '../../start-emulator.js';
import type { ApiEnv } from '../shared/env.js';
import { tempDir } from '../../../test/support/temp-dir.js';

/** Response bodies in these tests are GitHub JSON; their shape is what is under test. */
const json = (res: Response): Promise<any> => res.json();
const TOKEN = 'ghp_octocatEmulatorClassicToken000000000';
const auth = { authorization: `Bearer ${TOKEN}` };
const createBody = JSON.stringify({ prompt: 'Fix the flaky test' });

function setup(faultRules: FaultRuleSpec[], options: EmulatorOptions = {}) {
  const sleeps: number[] = [];
  const emulator = createEmulator({ clockMode: 'manual', faultRules, sleep: async (ms) => void sleeps.push(ms), ...options });
  // An outer app sees the context variables the emulator sets, as the request journal will.
  const seen: Array<ApiEnv['Variables']['fault']> = [];
  const outer = new Hono<ApiEnv>();
  outer.use(async (c, next) => {
    try {
      await next();
    } finally {
      seen.push(c.get('fault'));
    }
  });
  outer.route('/', emulator.app);
  // Like the emulator's own app, let a dropped connection reject rather than become a 500.
  outer.onError((error) => {
    throw error;
  });
  const taskCount = () => emulator.tenants.default.world.store.count();
  return { emulator, app: outer, sleeps, seen, taskCount };
}

describe('fault injection', () => {
  it('fires nothing without rules', async () => {
    const { app, sleeps, seen } = setup([]);
    const res = await app.request('/agents/tasks', { headers: auth });
    expect(res.status).toBe(200);
    expect(res.headers.has('x-emulator-fault')).toBe(false);
    expect(sleeps).toEqual([]);
    expect(seen).toEqual([undefined]);
  });

  it('answers an error rule with a GitHub-shaped body, before the operation runs', async () => {
    const { app, seen, taskCount } = setup([{ id: 'bad-gateway', match: { method: 'POST' }, error: { status: 502 } }]);
    const before = taskCount();
    const res = await app.request('/agents/repos/octocat/hello-world/tasks', { method: 'POST', headers: auth, body: createBody });
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('x-emulator-fault')).toBe('error');
    expect(res.headers.get('x-github-request-id')).toMatch(/^[0-9A-F]+(:[0-9A-F]+){4}$/);
    expect(await json(res)).toEqual({ message: 'Server Error', documentation_url: 'https://docs.github.com/rest', status: '502' });
    expect(taskCount()).toBe(before);
    expect(seen).toEqual([{ ruleId: 'bad-gateway', kind: 'error' }]);
  });

  it('uses GitHub-like messages by status, a given message, and retry-after when asked', async () => {
    const { app } = setup([
      { match: { path: '/agents/tasks' }, error: { status: 504 } },
      { match: { path: '/agents/tasks/*' }, error: { status: 503, message: 'Down for maintenance', retry_after: 7 } },
    ]);
    const timeout = await app.request('/agents/tasks', { headers: auth });
    expect((await json(timeout)).message).toMatch(/^We couldn't respond to your request in time\./);
    const down = await app.request('/agents/tasks/abc', { headers: auth });
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('7');
    expect((await json(down)).message).toBe('Down for maintenance');
  });

  it('fires before authentication, as a failing front end would', async () => {
    const { app } = setup([{ error: { status: 500 } }]);
    expect((await app.request('/agents/tasks')).status).toBe(500);
  });

  it('delays a latency rule by the drawn time and then answers normally', async () => {
    const { app, sleeps, seen } = setup([{ id: 'slow', latency: { ms: 750 } }]);
    const res = await app.request('/agents/tasks', { headers: auth });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-emulator-fault')).toBe('latency');
    expect((await json(res)).tasks).toBeInstanceOf(Array);
    expect(sleeps).toEqual([750]);
    expect(seen).toEqual([{ ruleId: 'slow', kind: 'latency' }]);
  });

  it('draws latency from the seeded source: the same seed gives the same delays', async () => {
    const run = async (seed: number) => {
      const { app, sleeps } = setup([{ latency: { normal: { mean: 200, stddev: 40 } } }], { seed });
      for (let i = 0; i < 5; i++) await app.request('/agents/tasks', { headers: auth });
      return sleeps;
    };
    const a = await run(1);
    expect(await run(1)).toEqual(a);
    expect(await run(2)).not.toEqual(a);
  });

  it('waits before an error when the rule has both', async () => {
    const { app, sleeps } = setup([{ latency: { ms: 30 }, error: { status: 500 } }]);
    expect((await app.request('/agents/tasks')).status).toBe(500);
    expect(sleeps).toEqual([30]);
  });

  it('fires on a schedule: the third matching request only', async () => {
    const { app } = setup([{ match: { path: '/agents/tasks' }, when: { after: 2, times: 1 }, error: { status: 500 } }]);
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await app.request('/agents/tasks', { headers: auth })).status);
    expect(statuses).toEqual([200, 200, 500, 200, 200]);
  });

  it('rejects the port-less fetch as Node fetch does when the connection drops or resets', async () => {
    const { app, seen, taskCount } = setup([
      { id: 'd', match: { method: 'POST' }, when: { times: 1 }, connection: 'drop' },
      { id: 'r', match: { path: '/agents/tasks' }, connection: 'reset' },
    ]);
    const before = taskCount();
    const dropped = await Promise.resolve(app.request('/agents/repos/octocat/hello-world/tasks', { method: 'POST', headers: auth, body: createBody })).catch((e: unknown) => e);
    expect(dropped).toBeInstanceOf(TypeError);
    expect(dropped).toMatchObject({ message: 'fetch failed', cause: { code: 'UND_ERR_SOCKET', message: 'other side closed' } });
    expect(taskCount()).toBe(before);
    const reset = await Promise.resolve(app.request('/agents/tasks', { headers: auth })).catch((e: unknown) => e);
    expect(reset).toMatchObject({ message: 'fetch failed', cause: { code: 'ECONNRESET' } });
    expect(seen).toEqual([
      { ruleId: 'd', kind: 'drop' },
      { ruleId: 'r', kind: 'reset' },
    ]);
  });

  it('never touches the control endpoints', async () => {
    const { app } = setup([{ error: { status: 500 } }, { connection: 'reset' }]);
    expect((await app.request('/_emulator/health')).status).toBe(200);
    expect((await app.request('/t/ci/_emulator/health')).status).toBe(200);
  });

  it('keeps rules per tenant and matches paths as the tenant sees them', async () => {
    const { app } = setup([{ match: { tenant: 'ci', path: '/agents/tasks' }, error: { status: 503 } }]);
    expect((await app.request('/t/ci/agents/tasks', { headers: auth })).status).toBe(503);
    expect((await app.request('/t/other/agents/tasks', { headers: auth })).status).toBe(200);
    expect((await app.request('/agents/tasks', { headers: auth })).status).toBe(200);
  });

  it('matches on the token a request presents', async () => {
    const { app } = setup([{ match: { token: TOKEN }, error: { status: 500 } }]);
    expect((await app.request('/agents/tasks', { headers: auth })).status).toBe(500);
    const other = { authorization: 'token ghp_monalisaEmulatorClassicToken00000000' };
    expect((await app.request('/agents/tasks', { headers: other })).status).toBe(200);
  });
});

describe('start-up rules', () => {
  it('loads a rules file given to createEmulator', async () => {
    const file = join(tempDir('faults-'), 'faults.yaml');
    writeFileSync(file, 'faults:\n  - id: from-file\n    match: { path: /agents/tasks }\n    error: { status: 503 }\n');
    const { app, seen } = setup([], { faultRulesFile: file });
    expect((await app.request('/agents/tasks', { headers: auth })).status).toBe(503);
    expect(seen).toEqual([{ ruleId: 'from-file', kind: 'error' }]);
  });

  it('refuses bad rules before anything starts, naming where they came from', () => {
    expect(() => createEmulator({ faultRules: [{ error: { status: 302 } }] })).toThrow(FaultRuleError);
    expect(() => createEmulator({ faultRules: [{ error: { status: 302 } }] })).toThrow(/^faultRules option: \/faults\/0\/error\/status/);
    expect(() => createEmulator({ faultRulesFile: '/nonexistent/faults.yaml' })).toThrow('/nonexistent/faults.yaml: file not found');
  });
});

describe('fault injection over a real socket', () => {
  let running: RunningEmulator | undefined;
  afterEach(async () => {
    await running?.stop();
    running = undefined;
  });

  it('closes or resets the connection, and the next request is served', async () => {
    running = await startEmulator({
      faultRules: [
        { match: { path: '/agents/tasks' }, when: { times: 1 }, connection: 'drop' },
        { match: { path: '/agents/tasks' }, when: { times: 1 }, connection: 'reset' },
      ],
    });
    const call = () => fetch(`${running!.url}/agents/tasks`, { headers: auth }).catch((e: unknown) => e);
    expect(await call()).toMatchObject({ name: 'TypeError', message: 'fetch failed', cause: { code: 'UND_ERR_SOCKET' } });
    expect(await call()).toMatchObject({ name: 'TypeError', message: 'fetch failed', cause: { code: 'ECONNRESET' } });
    expect(((await call()) as Response).status).toBe(200);
  });

  it('really waits for latency', async () => {
    running = await startEmulator({ faultRules: [{ latency: { ms: 120 } }] });
    const started = performance.now();
    const res = await fetch(`${running.url}/agents/tasks`, { headers: auth });
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });
});
