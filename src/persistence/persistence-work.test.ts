import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../create-emulator.js';
import { lockPathOf } from './lock-state-file.js';
import { tempDir } from '../../test/support/temp-dir.js';

const NOW = Date.UTC(2026, 10, 1, 12);
const TOKEN = 'Bearer ghp_octocatEmulatorClassicToken000000000';
const PULLS = '/repos/octocat/hello-world/pulls';

/** An emulator on the state file; the one booted before is taken for a process that died (its lock stale, as a dead pid's). */
function boot(stateFile: string) {
  rmSync(lockPathOf(stateFile), { force: true });
  const emulator = createEmulator({ clockMode: 'manual', clockStart: NOW, stateFile, warn: () => {} });
  const call = async (path: string, init: RequestInit = {}) => {
    const res = await emulator.app.request(path, { ...init, headers: { authorization: TOKEN, 'x-github-api-version': '2022-11-28', ...(init.headers as object) } });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  return { emulator, call };
}
const post = (body?: unknown) => ({ method: 'POST', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

describe('--state-file keeps pull requests and branches', () => {
  it('a pull request opened, merged and closed, and a branch pushed survive a crash, in the default tenant and another', async () => {
    const file = join(tempDir('state-'), 'state.json');
    const first = boot(file);
    for (const prefix of ['', '/t/ci-9']) {
      const pr = await first.call(`${prefix}/agents/repos/octocat/hello-world/tasks`, post({ prompt: 'Open a pull request', create_pull_request: true }));
      await first.call(`${prefix}/agents/repos/octocat/hello-world/tasks`, post({ prompt: 'Push a branch' }));
      await first.call(`${prefix}/_emulator/clock/advance`, post({ by: '1m' }));
      const [newest, older] = (await first.call(`${prefix}${PULLS}?per_page=2`)).body;
      await first.call(`${prefix}/_emulator${PULLS}/${older.number}/merge`, post());
      expect(newest.id).toBe((await first.call(`${prefix}/agents/tasks/${pr.body.id}`)).body.artifacts[0].data.id);
    }
    const before = {
      all: (await first.call(`${PULLS}?state=all&per_page=100`)).body,
      tenant: (await first.call(`/t/ci-9${PULLS}?state=all&per_page=100`)).body,
      main: (await first.call('/repos/octocat/hello-world/branches/main')).body,
    };
    // No close(): the process "dies" here; only what was appended survives.
    const second = boot(file);
    expect((await second.call(`${PULLS}?state=all&per_page=100`)).body).toEqual(before.all);
    expect((await second.call(`/t/ci-9${PULLS}?state=all&per_page=100`)).body).toEqual(before.tenant);
    expect((await second.call('/repos/octocat/hello-world/branches/main')).body).toEqual(before.main);
    expect(before.all.filter((p: any) => p.merged_at !== null)).toHaveLength(1);
    // After a clean stop (a compacted snapshot) too; new pull requests continue the sequence.
    second.emulator.close?.();
    const third = boot(file);
    expect((await third.call(`${PULLS}?state=all&per_page=100`)).body).toEqual(before.all);
    await third.call('/agents/repos/octocat/hello-world/tasks', post({ prompt: 'After the restart', create_pull_request: true }));
    await third.call('/_emulator/clock/advance', post({ by: '1m' }));
    const [latest] = (await third.call(`${PULLS}?per_page=1`)).body;
    expect(latest.number).toBe(Math.max(...before.all.map((p: any) => p.number)) + 1);
    expect(before.all.some((p: any) => p.id === latest.id)).toBe(false);
  });
});
