import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEmulator, type EmulatorOptions } from '../create-emulator.js';
import { logPathOf } from './load-state-file.js';
import { lockPathOf } from './lock-state-file.js';
import { tempDir } from '../../test/support/temp-dir.js';

const NOW = Date.UTC(2026, 10, 1, 12);
const TOKEN = 'Bearer ghp_octocatEmulatorClassicToken000000000';
const REPO = '/agents/repos/octocat/hello-world/tasks';

/**
 * An emulator on the state file. The one booted before on the same file is taken for a process
 * that died: its lock is left behind as a killed process leaves it, and gone stale the way a dead
 * pid makes it (lock-state-file.test.ts covers that check itself).
 */
function boot(stateFile: string, options: EmulatorOptions = {}) {
  rmSync(lockPathOf(stateFile), { force: true });
  const warnings: string[] = [];
  const emulator = createEmulator({ clockMode: 'manual', clockStart: NOW, stateFile, warn: (w) => warnings.push(w), ...options });
  const call = async (path: string, init: RequestInit = {}) => {
    const res = await emulator.app.request(path, { ...init, headers: { authorization: TOKEN, ...(init.headers as object) } });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  return { emulator, call, warnings };
}

const post = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body) });
const freshFile = () => join(tempDir('state-'), 'state.json');

describe('--state-file', () => {
  it('brings back tasks, sessions, states, tenants, clocks and scenario settings after a crash', async () => {
    const file = freshFile();
    const first = boot(file);
    const a = await first.call(REPO, post({ prompt: 'survive [emulator:scenario=waits-for-user]' }));
    const b = await first.call(`/t/ci-7${REPO}`, post({ prompt: 'tenant task' }));
    await first.call('/_emulator/clock/advance', post({ by: '30s' }));
    await first.call(`/_emulator/tasks/${a.body.id}/answer`, post({ prompt: 'go on' }));
    await first.call('/_emulator/outcomes', post({ scenarios: ['fails'] }));
    await first.call('/t/ci-7/_emulator/scenarios/default', { method: 'PUT', body: JSON.stringify({ name: 'cancelled' }) });
    const before = await first.call(`/agents/tasks/${a.body.id}`);
    // No close(): the process "dies" here; only what was appended survives.
    const second = boot(file);
    expect(second.warnings).toEqual([]);
    expect(await second.call(`/agents/tasks/${a.body.id}`)).toEqual(before);
    expect((await second.call(`/t/ci-7/agents/tasks/${b.body.id}`)).status).toBe(200);
    expect((await second.call('/_emulator/clock')).body.now).toBe('2026-11-01T12:00:30.000Z');
    expect((await second.call('/_emulator/outcomes')).body).toEqual({ queued: ['fails'] });
    expect((await second.call('/t/ci-7/_emulator/scenarios')).body.default).toBe('cancelled');
    // The scenario carries on after the restart: the answered session completes a minute later.
    await second.call('/_emulator/clock/advance', post({ by: '1m' }));
    expect((await second.call(`/agents/tasks/${a.body.id}`)).body).toMatchObject({ state: 'completed', session_count: 2 });
    // Fixture tasks are the same ones as before.
    const list1 = (await first.call(`${REPO}?per_page=100&is_archived=true`)).body.tasks.map((t: any) => t.id);
    const list2 = (await second.call(`${REPO}?per_page=100&is_archived=true`)).body.tasks.map((t: any) => t.id);
    expect(list2).toEqual(list1);
  });

  it('draws fresh ids after a restart: new tasks, sessions and pull requests never repeat old ones', async () => {
    const file = freshFile();
    const first = boot(file);
    const before = await first.call(REPO, post({ prompt: 'before [emulator:scenario=pull-request]' }));
    await first.call('/_emulator/clock/advance', post({ by: '1m' }));
    const beforeTask = (await first.call(`/agents/tasks/${before.body.id}`)).body;
    const second = boot(file);
    const after = await second.call(REPO, post({ prompt: 'after [emulator:scenario=pull-request]' }));
    expect(after.status).toBe(201);
    await second.call('/_emulator/clock/advance', post({ by: '1m' }));
    const afterTask = (await second.call(`/agents/tasks/${after.body.id}`)).body;
    expect(afterTask.id).not.toBe(beforeTask.id);
    expect(afterTask.sessions[0].id).not.toBe(beforeTask.sessions[0].id);
    expect(afterTask.artifacts[0].data.id).toBeGreaterThan(beforeTask.artifacts[0].data.id);
    expect((await second.call(`/agents/tasks/${before.body.id}`)).body.name).toBe('before [emulator:scenario=pull-request]');
  });

  it('compacts the log into the snapshot at start', async () => {
    const file = freshFile();
    const first = boot(file);
    const created = await first.call(REPO, post({ prompt: 'compact me' }));
    expect(readFileSync(logPathOf(file), 'utf8').split('\n').length).toBeGreaterThan(2);
    boot(file);
    const log = readFileSync(logPathOf(file), 'utf8').trim().split('\n');
    expect(log).toHaveLength(1);
    expect(JSON.parse(log[0]!)).toMatchObject({ kind: 'agent-tasks-emulator-log', version: 1, generation: 2 });
    const snapshot = JSON.parse(readFileSync(file, 'utf8'));
    expect(snapshot).toMatchObject({ kind: 'agent-tasks-emulator-state', version: 1, generation: 2 });
    expect(snapshot.tenants[0].tasks.some((t: any) => t.id === created.body.id)).toBe(true);
  });

  it('a reset is remembered: the tenant comes back fresh, with tasks created after the reset', async () => {
    const file = freshFile();
    const first = boot(file);
    const gone = await first.call(REPO, post({ prompt: 'before reset' }));
    await first.call('/_emulator/seed', post({ seed: 9 }));
    const kept = await first.call(REPO, post({ prompt: 'after reset' }));
    const second = boot(file);
    expect((await second.call(`/agents/tasks/${gone.body.id}`)).status).toBe(404);
    expect((await second.call(`/agents/tasks/${kept.body.id}`)).status).toBe(200);
    const firstIds = (await first.call(`${REPO}?per_page=5`)).body.tasks.map((t: any) => t.id);
    expect((await second.call(`${REPO}?per_page=5`)).body.tasks.map((t: any) => t.id)).toEqual(firstIds);
  });

  it('drops a torn last record with a warning and keeps the rest', async () => {
    const file = freshFile();
    const first = boot(file);
    const kept = await first.call(REPO, post({ prompt: 'kept' }));
    appendFileSync(logPathOf(file), '{"op":"put","tenant":"default","task":{"id":"x');
    const second = boot(file);
    expect(second.warnings).toEqual([expect.stringMatching(/dropped a torn last record \(line \d+\)/)]);
    expect((await second.call(`/agents/tasks/${kept.body.id}`)).status).toBe(200);
  });

  it.each([
    ['a corrupt line in the middle of the log', (file: string) => {
      const lines = readFileSync(logPathOf(file), 'utf8').split('\n');
      lines.splice(1, 0, '{not json');
      writeFileSync(logPathOf(file), lines.join('\n'));
      return logPathOf(file);
    }, /line 2 is corrupt/],
    ['a log from another version', (file: string) => {
      writeFileSync(logPathOf(file), '{"kind":"agent-tasks-emulator-log","version":99,"generation":5}\n');
      return logPathOf(file);
    }, /state version 99, this build reads version 1/],
    ['a snapshot that is not JSON', (file: string) => {
      writeFileSync(file, '{"kind":');
      return file;
    }, /not a readable state snapshot/],
    ['a snapshot from another version', (file: string) => {
      writeFileSync(file, JSON.stringify({ kind: 'agent-tasks-emulator-state', version: 2, generation: 1, tenants: [] }));
      return file;
    }, /state version 2/],
    ['a snapshot with a malformed task', (file: string) => {
      writeFileSync(file, JSON.stringify({ kind: 'agent-tasks-emulator-state', version: 1, generation: 9, tenants: [{ name: 'default', seed: 1, clockNow: 0, defaultScenario: 'happy-path', outcomes: [], tasks: [{ id: 'x' }] }] }));
      return file;
    }, /tenant 0: \/tasks\/0 must have required property/],
  ])('refuses %s and leaves the files untouched', async (_what, damage, message) => {
    const file = freshFile();
    const first = boot(file);
    await first.call(REPO, post({ prompt: 'x' }));
    const damaged = damage(file);
    const bytes = readFileSync(damaged, 'utf8');
    expect(() => boot(file)).toThrow(message);
    expect(readFileSync(damaged, 'utf8')).toBe(bytes);
  });
});

describe('snapshot export and import', () => {
  it('exports a tenant and imports it into another, which then answers the same', async () => {
    const { call } = boot(freshFile());
    const created = await call(REPO, post({ prompt: 'move me' }));
    await call('/_emulator/clock/advance', post({ by: '5s' }));
    const snapshot = (await call('/_emulator/snapshot')).body;
    expect(snapshot).toMatchObject({ name: 'default', clockNow: NOW + 5000, defaultScenario: 'happy-path' });
    const imported = await call('/t/copy/_emulator/snapshot', { method: 'PUT', body: JSON.stringify(snapshot) });
    expect(imported).toMatchObject({ status: 200, body: { tenant: 'copy', tasks: snapshot.tasks.length } });
    const original = (await call(`/agents/tasks/${created.body.id}`)).body;
    const copy = (await call(`/t/copy/agents/tasks/${created.body.id}`)).body;
    expect({ ...copy, url: undefined }).toEqual({ ...original, url: undefined });
    // The copy's scenario carries on independently.
    await call('/t/copy/_emulator/clock/advance', post({ by: '1m' }));
    expect((await call(`/t/copy/agents/tasks/${created.body.id}`)).body.state).toBe('completed');
    expect((await call(`/agents/tasks/${created.body.id}`)).body.state).toBe('in_progress');
  });

  it('a snapshot imported back into its own tenant keeps working: new tasks do not take stored ids', async () => {
    const { call } = boot(freshFile());
    const snapshot = (await call('/_emulator/snapshot')).body;
    const made = await call(REPO, post({ prompt: 'made after the export' }));
    expect((await call('/_emulator/snapshot', { method: 'PUT', body: JSON.stringify({ ...snapshot, tasks: [...snapshot.tasks, (await call('/_emulator/snapshot')).body.tasks.find((t: any) => t.id === made.body.id)] }) })).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await call(REPO, post({ prompt: `again ${i}` }))).status).toBe(201);
    expect((await call(`/agents/tasks/${made.body.id}`)).body.name).toBe('made after the export');
  });

  it('an imported tenant survives a restart', async () => {
    const file = freshFile();
    const first = boot(file);
    const snapshot = (await first.call('/_emulator/snapshot')).body;
    snapshot.tasks = snapshot.tasks.slice(0, 3);
    await first.call('/t/small/_emulator/snapshot', { method: 'PUT', body: JSON.stringify(snapshot) });
    const second = boot(file);
    expect((await second.call('/t/small/_emulator/health')).body.tasks).toBe(3);
    const ids = (await second.call('/t/small/_emulator/snapshot')).body.tasks.map((t: any) => t.id);
    expect(ids).toEqual(snapshot.tasks.map((t: any) => t.id));
  });

  it.each([
    ['not JSON', '{', 400],
    ['not a snapshot', JSON.stringify({ tasks: 'no' }), 422],
    ['an unknown scenario', JSON.stringify({ name: 'x', seed: 1, clockNow: 0, defaultScenario: 'nope', outcomes: [], tasks: [] }), 422],
  ])('refuses %s and changes nothing', async (_what, body, status) => {
    const { call } = boot(freshFile());
    const before = (await call('/_emulator/health')).body.tasks;
    expect((await call('/_emulator/snapshot', { method: 'PUT', body })).status).toBe(status);
    expect((await call('/_emulator/health')).body.tasks).toBe(before);
  });
});
