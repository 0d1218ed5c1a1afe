import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../create-emulator.js';
import { lockPathOf } from './lock-state-file.js';
import { tempDir } from '../../test/support/temp-dir.js';

const NOW = Date.UTC(2026, 10, 1, 12);
const TOKEN = 'Bearer ghp_octocatEmulatorClassicToken000000000';

function boot(stateFile: string) {
  rmSync(lockPathOf(stateFile), { force: true });
  const emulator = createEmulator({ clockMode: 'manual', clockStart: NOW, stateFile });
  const call = async (path: string, init: RequestInit = {}) => {
    const res = await emulator.app.request(path, { ...init, headers: { authorization: TOKEN } });
    return { status: res.status, body: (await res.json()) as any };
  };
  return { emulator, call };
}

describe('a task history and the state file', () => {
  it('survives a crash (log replay) and a compaction (snapshot)', async () => {
    const file = join(tempDir('history-'), 'state.json');
    const first = boot(file);
    const task = await first.call('/agents/repos/octocat/hello-world/tasks', { method: 'POST', body: '{"prompt":"x [emulator:scenario=fails]"}' });
    await first.call('/_emulator/clock/advance', { method: 'POST', body: '{"by":"1m"}' });
    const before = (await first.call(`/_emulator/tasks/${task.body.id}/history`)).body;
    expect(before.entries.map((e: any) => e.to)).toEqual(['queued', 'in_progress', 'failed']);

    // No close: as a killed process leaves it, so the log is replayed.
    const second = boot(file);
    expect((await second.call(`/_emulator/tasks/${task.body.id}/history`)).body).toEqual(before);
    second.emulator.close();
    // Closed: folded into the snapshot, read from there.
    const third = boot(file);
    expect((await third.call(`/_emulator/tasks/${task.body.id}/history`)).body).toEqual(before);
    third.emulator.close();
  });

  it('loads a state file written before tasks had a history', async () => {
    const file = join(tempDir('history-'), 'state.json');
    const first = boot(file);
    const task = await first.call('/agents/repos/octocat/hello-world/tasks', { method: 'POST', body: '{"prompt":"x"}' });
    first.emulator.close();
    // As an older build wrote it: no history on any task.
    const state = JSON.parse(readFileSync(file, 'utf8'));
    expect(JSON.stringify(state)).toContain('"history"');
    for (const tenant of state.tenants) for (const t of tenant.tasks ?? []) delete t.history;
    expect(JSON.stringify(state)).not.toContain('"history"');
    writeFileSync(file, JSON.stringify(state));
    const second = boot(file);
    const history = (await second.call(`/_emulator/tasks/${task.body.id}/history`)).body;
    expect(history).toMatchObject({ state: 'queued', scenario: 'happy-path', chosen_by: null, entries: [] });
    // The scenario goes on, and the history starts from here.
    await second.call('/_emulator/clock/advance', { method: 'POST', body: '{"by":"5s"}' });
    expect((await second.call(`/_emulator/tasks/${task.body.id}/history`)).body.entries).toMatchObject([{ from: 'queued', to: 'in_progress' }]);
    second.emulator.close();
  });
});
