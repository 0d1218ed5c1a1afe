// @octokit/plugin-throttling against the emulator's rate limits. The plugin tells a secondary
// limit by "secondary rate" in the message and waits retry-after; it tells a primary limit by
// x-ratelimit-remaining: 0 and waits until x-ratelimit-reset (compared with its own Date.now())
// plus one second. These tests keep the real waits short by configuring the emulator, never the
// client: on the real-time tenant clock, a one-second quota window puts the reset a second or two
// away, and a one-second retry-after makes the secondary wait one second.
import { Octokit } from '@octokit/core';
import { throttling } from '@octokit/plugin-throttling';
import { describe, expect, it } from 'vitest';
import { createEmulator, type EmulatorOptions } from '../../src/create-emulator.js';

const TOKEN = 'ghp_octocatEmulatorClassicToken000000000';
const ThrottledOctokit = Octokit.plugin(throttling);

interface Seen {
  retryAfter: number;
  at: number;
  /** What the plugin should have computed from the refused answer's headers at that moment. */
  expected?: number;
}

function setup(options: EmulatorOptions) {
  const emulator = createEmulator(options);
  const answers: Response[] = [];
  const primary: Seen[] = [];
  const secondary: Seen[] = [];
  const octokit = new ThrottledOctokit({
    auth: TOKEN,
    baseUrl: 'http://emulator.test',
    request: {
      fetch: async (url: string, init: RequestInit) => {
        const res = await emulator.app.fetch(new Request(url, init));
        answers.push(res.clone());
        return res;
      },
    },
    throttle: {
      onRateLimit: (retryAfter: number) => {
        const reset = Number(answers.at(-1)!.headers.get('x-ratelimit-reset'));
        primary.push({ retryAfter, at: Date.now(), expected: Math.ceil((reset * 1000 - Date.now()) / 1000) + 1 });
        return primary.length === 1;
      },
      onSecondaryRateLimit: (retryAfter: number) => {
        secondary.push({ retryAfter, at: Date.now() });
        return secondary.length === 1;
      },
    },
  });
  const tenant = emulator.tenants.default;
  return { emulator, tenant, octokit, answers, primary, secondary };
}

describe('@octokit/plugin-throttling', () => {
  it('recognises the primary limit, waits until x-ratelimit-reset, and then succeeds', async () => {
    const { emulator, tenant, octokit, answers, primary, secondary } = setup({ rateLimits: { primary: { windowSeconds: 1 } } });
    await emulator.app.request(`/_emulator/rate-limits/${TOKEN}`, { method: 'PUT', body: JSON.stringify({ limit: 2 }) });
    await octokit.request('GET /agents/tasks');
    await octokit.request('GET /agents/tasks');
    const res = await octokit.request('GET /agents/tasks');
    expect(res.status).toBe(200);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 403, 200]);
    const refused = answers[2]!;
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(((await refused.json()) as { message: string }).message).toMatch(/^API rate limit exceeded for user ID 583231\./);
    expect(secondary).toEqual([]);
    expect(primary).toHaveLength(1);
    const [seen] = primary;
    expect(seen!.retryAfter).toBeGreaterThanOrEqual(1);
    expect(Math.abs(seen!.retryAfter - seen!.expected!)).toBeLessThanOrEqual(1);
    // The plugin waited what the headers said, and the window had reset on the tenant clock.
    expect(Date.now() - seen!.at).toBeGreaterThanOrEqual(seen!.retryAfter * 1000 - 50);
    expect(tenant.clock.now()).toBeGreaterThanOrEqual(Number(refused.headers.get('x-ratelimit-reset')) * 1000);
    expect(res.headers['x-ratelimit-used']).toBe('1');
  });

  for (const status of [403, 429] as const) {
    it(`recognises a ${status} secondary limit, waits retry-after, and creates the task once`, async () => {
      const { emulator, tenant, octokit, answers, primary, secondary } = setup({
        rateLimits: { secondary: { limit: 2, retryAfterSeconds: 1, status } },
      });
      const create = () =>
        emulator.app.request('/agents/repos/octocat/hello-world/tasks', {
          method: 'POST',
          headers: { authorization: `Bearer ${TOKEN}` },
          body: JSON.stringify({ prompt: 'warm up' }),
        });
      expect((await create()).status).toBe(201);
      expect((await create()).status).toBe(201);
      const before = tenant.world.store.count();
      const res = await octokit.request('POST /agents/repos/{owner}/{repo}/tasks', { owner: 'octocat', repo: 'hello-world', prompt: 'Fix the build' });
      expect(res.status).toBe(201);
      expect(tenant.world.store.count()).toBe(before + 1);
      expect(answers.map((a) => a.status)).toEqual([status, 201]);
      expect(answers[0]!.headers.get('retry-after')).toBe('1');
      expect(primary).toEqual([]);
      expect(secondary.map((s) => s.retryAfter)).toEqual([1]);
      expect(Date.now() - secondary[0]!.at).toBeGreaterThanOrEqual(950);
    });
  }

  it('reads GET /rate_limit', async () => {
    const { octokit } = setup({});
    const { data } = await octokit.request('GET /rate_limit');
    expect(data.resources.core).toMatchObject({ limit: 5000, remaining: 5000, used: 0 });
    expect(data.rate.limit).toBe(5000);
  });
});
