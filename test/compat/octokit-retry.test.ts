// @octokit/plugin-retry against injected faults: it retries 5xx answers and dropped connections
// (which @octokit/request turns into a RequestError with status 500) and then succeeds.
import { Octokit } from '@octokit/core';
import { retry } from '@octokit/plugin-retry';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator } from '../../src/create-emulator.js';
import type { FaultRuleSpec } from '../../src/faults/fault-rule.js';
import { startEmulator, type RunningEmulator } from '../../src/start-emulator.js';

const TOKEN = 'ghp_octocatEmulatorClassicToken000000000';
const RetryingOctokit = Octokit.plugin(retry);
// The plugin waits (retryCount + 1)^2 * retryAfterBaseValue ms and reads no header, so a small
// base keeps the test fast without changing what is retried.
const retryOptions = { retryAfterBaseValue: 5 };

function inProcess(faultRules: FaultRuleSpec[]) {
  const emulator = createEmulator({ faultRules });
  const statuses: Array<number | string> = [];
  const octokit = new RetryingOctokit({
    auth: TOKEN,
    baseUrl: 'http://emulator.test',
    retry: retryOptions,
    request: {
      fetch: async (url: string, init: RequestInit) => {
        try {
          const res = await emulator.app.fetch(new Request(url, init));
          statuses.push(res.status);
          return res;
        } catch (error) {
          statuses.push((error as Error).message);
          throw error;
        }
      },
    },
  });
  const rules = async () => (await (await emulator.app.request('/_emulator/faults')).json()) as { faults: Array<{ fired: number }> };
  return { emulator, octokit, statuses, rules };
}

describe('@octokit/plugin-retry', () => {
  let running: RunningEmulator | undefined;
  afterEach(async () => {
    await running?.stop();
    running = undefined;
  });

  it('retries injected 502s and gets the list', async () => {
    const { octokit, statuses, rules } = inProcess([{ match: { path: '/agents/tasks' }, when: { times: 2 }, error: { status: 502 } }]);
    const res = await octokit.request('GET /agents/tasks');
    expect(res.status).toBe(200);
    expect(Array.isArray((res.data as { tasks: unknown[] }).tasks)).toBe(true);
    expect(statuses).toEqual([502, 502, 200]);
    expect((await rules()).faults[0]?.fired).toBe(2);
  });

  it('retries a dropped connection on the port-less path', async () => {
    const { octokit, statuses } = inProcess([{ match: { path: '/agents/tasks' }, when: { times: 1 }, connection: 'drop' }]);
    expect((await octokit.request('GET /agents/tasks')).status).toBe(200);
    expect(statuses).toEqual(['fetch failed', 200]);
  });

  it('gives up after its retries when the fault persists, with the GitHub message', async () => {
    const { octokit, statuses } = inProcess([{ match: { path: '/agents/tasks' }, error: { status: 503 } }]);
    await expect(octokit.request('GET /agents/tasks')).rejects.toMatchObject({ status: 503, message: expect.stringContaining('Service Unavailable') });
    expect(statuses).toEqual([503, 503, 503, 503]);
  });

  it('retries a reset connection over a real socket', async () => {
    running = await startEmulator({ faultRules: [{ match: { path: '/agents/tasks/*' }, when: { times: 1 }, connection: 'reset' }] });
    const octokit = new RetryingOctokit({ auth: TOKEN, baseUrl: running.url, retry: retryOptions });
    const { data } = await octokit.request('GET /agents/tasks', { per_page: 1 });
    const id = (data as { tasks: Array<{ id: string }> }).tasks[0]!.id;
    const res = await octokit.request('GET /agents/tasks/{task_id}', { task_id: id });
    expect(res.status).toBe(200);
    expect((res.data as { id: string }).id).toBe(id);
    expect(running.emulator.tenants.default.faults.list()[0]).toMatchObject({ kind: 'reset', fired: 1 });
  });
});
