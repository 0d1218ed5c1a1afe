import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EmulatorOptions } from '../../src/create-emulator.js';
import { logPathOf } from '../../src/persistence/load-state-file.js';
import { lockPathOf } from '../../src/persistence/lock-state-file.js';
import { testEmulator } from '../support/emulator.js';
import { failingFileSystem } from '../support/failing-file-system.js';
import { tempDir } from '../support/temp-dir.js';

const REPO = '/agents/repos/octocat/hello-world/tasks';
const post = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body) });

/** An emulator on a state file whose disk the test fills and frees. */
function onFailingDisk(options: EmulatorOptions = {}) {
  const stateFile = join(tempDir('state-failure-'), 'state.json');
  const { fs, disk } = failingFileSystem();
  const broken: string[] = [];
  const emulator = testEmulator({ stateFile, stateFileSystem: fs, onStateFileBroken: (e) => broken.push(e.message), ...options });
  // The first emulator is taken for a process that died: its lock goes stale as a dead pid's does.
  const restart = () => {
    rmSync(lockPathOf(stateFile), { force: true });
    return testEmulator({ stateFile, ...options });
  };
  return { ...emulator, disk, broken, stateFile, restart };
}

describe('a change that cannot be written to the state file', () => {
  it('is refused with a 503, leaves no trace in memory, and leaves the log whole for the next start', async () => {
    const { json, disk, stateFile, restart } = onFailingDisk();
    const kept: string[] = [];
    for (let i = 0; i < 3; i++) kept.push((await json(REPO, post({ prompt: `kept ${i}` }))).body.id);
    // The disk fills halfway through the next record, as the audit's did.
    disk.full = true;
    disk.room = 40;
    for (let i = 0; i < 12; i++) {
      const refused = await json(REPO, post({ prompt: `refused ${i}` }));
      expect(refused.status).toBe(503);
      expect(refused.body).toMatchObject({ message: expect.stringContaining('ENOSPC: no space left on device'), documentation_url: expect.any(String), status: '503' });
      expect(refused.res.headers.get('retry-after')).toBe('1');
    }
    // None of the refused tasks is listed or readable.
    const listed = await json(`${REPO}?per_page=100`);
    expect(listed.body.tasks.filter((t: { name: string }) => t.name.startsWith('refused'))).toEqual([]);
    // The log was cut back to its last whole record: every line parses.
    for (const line of readFileSync(logPathOf(stateFile), 'utf8').split('\n').filter(Boolean)) expect(() => JSON.parse(line)).not.toThrow();
    disk.full = false;
    kept.push((await json(REPO, post({ prompt: 'after the disk was freed' }))).body.id);

    const second = restart();
    const names = (await second.json(`${REPO}?per_page=100`)).body.tasks.map((t: { name: string }) => t.name);
    expect(names.filter((n: string) => n.startsWith('refused'))).toEqual([]);
    for (const id of kept) expect((await second.request(`/agents/tasks/${id}`)).status).toBe(200);
  });

  it('gives back the queued outcome a refused create had taken', async () => {
    const { json, disk } = onFailingDisk();
    await json('/_emulator/outcomes', post({ scenarios: ['fails'] }));
    disk.full = true;
    expect((await json(REPO, post({ prompt: 'refused' }))).status).toBe(503);
    disk.full = false;
    expect((await json('/_emulator/outcomes')).body).toEqual({ queued: ['fails'] });
    const made = await json(REPO, post({ prompt: 'takes it' }));
    await json('/_emulator/clock/advance', post({ by: '10m' }));
    expect((await json(`/agents/tasks/${made.body.id}`)).body.state).toBe('failed');
  });

  it('refuses a control change whole: a clock that could not be saved does not move', async () => {
    const { json, disk, restart } = onFailingDisk();
    const before = (await json('/_emulator/clock')).body.now;
    disk.full = true;
    const refused = await json('/_emulator/clock/advance', post({ by: '1h' }));
    expect(refused.status).toBe(503);
    expect((await json('/_emulator/clock')).body.now).toBe(before);
    expect((await restart().json('/_emulator/clock')).body.now).toBe(before);
  });

  it('leaves a scheduled step that cannot be written due, and takes it once the disk has room', async () => {
    let real = Date.UTC(2026, 10, 1, 12);
    const { json, disk, restart } = onFailingDisk({ clockMode: 'real', clockStart: undefined, timeSource: () => real });
    const made = await json(REPO, post({ prompt: 'scheduled' }));
    expect(made.status).toBe(201);
    disk.full = true;
    real += 10_000; // happy-path leaves queued after 3 s
    const read = await json(`/agents/tasks/${made.body.id}`);
    expect(read.status).toBe(503);
    disk.full = false;
    const task = (await json(`/agents/tasks/${made.body.id}`)).body;
    expect(task.state).toBe('in_progress');
    const again = restart();
    expect((await again.json(`/agents/tasks/${made.body.id}`)).body.state).toBe('in_progress');
  });

  it('keeps a step and the pull request it opens together, or neither', async () => {
    let real = Date.UTC(2026, 10, 1, 12);
    const { json, disk, restart, tenants } = onFailingDisk({ clockMode: 'real', clockStart: undefined, timeSource: () => real });
    const pulls = async (emulator: { json: typeof json }) => (await emulator.json('/repos/octocat/hello-world/pulls?state=all&per_page=100')).body.length as number;
    const before = await pulls({ json });
    const made = await json(REPO, post({ prompt: 'opens a draft pull request', create_pull_request: true }));
    disk.full = true;
    disk.room = 200; // room for the pull request's record, not for the task's
    real += 10_000; // happy-path starts working after 3 s, and opens its draft then
    expect((await json(`/agents/tasks/${made.body.id}`)).status).toBe(503);
    // Read in memory, without a request that would settle the step again.
    const world = tenants.default.world;
    const repositoryId = world.store.get(made.body.id)!.repositoryId;
    expect(world.work.pulls(repositoryId).length).toBe(before);
    expect(world.store.get(made.body.id)!.state).toBe('queued');
    disk.full = false;
    expect((await json(`/agents/tasks/${made.body.id}`)).body.state).toBe('in_progress');
    expect(await pulls({ json })).toBe(before + 1);
    expect(await pulls(restart())).toBe(before + 1);
  });

  it('loads tasks through the control API all together or not at all', async () => {
    const { json, disk } = onFailingDisk();
    const count = (await json('/_emulator/health')).body.tasks;
    disk.full = true;
    disk.room = 300; // room for the first task's record, not for the rest
    const tasks = [0, 1, 2].map((i) => ({ repository: 'octocat/hello-world', creator: 'octocat', prompt: `loaded ${i}`, state: 'completed' }));
    expect((await json('/_emulator/tasks', post({ tasks }))).status).toBe(503);
    disk.full = false;
    expect((await json('/_emulator/health')).body.tasks).toBe(count);
  });

  it('stops taking changes, and says so once, when the log cannot be cut back', async () => {
    const { json, disk, broken } = onFailingDisk();
    disk.full = true;
    disk.room = 10;
    disk.truncateFails = true;
    const first = await json(REPO, post({ prompt: 'tears the log' }));
    expect(first.status).toBe(503);
    expect(first.body.message).toMatch(/cannot keep its state file .* and is stopping/);
    disk.full = false;
    disk.truncateFails = false;
    // Even with room again, a log with a torn record in it takes nothing more.
    expect((await json(REPO, post({ prompt: 'after' }))).status).toBe(503);
    expect(broken).toEqual([expect.stringMatching(/state\.json\.log: a failed write could not be undone \(ENOSPC: no space left on device, then EIO: i\/o error\)/)]);
  });
});
