import { describe, expect, it } from 'vitest';
import { createControlClient } from '../../control-client.js';
import { createEmulator } from '../../create-emulator.js';
import { createEmulatorFetch } from '../../emulator-fetch.js';
import { HISTORY_LIMIT } from '../../engine/task-history.js';

const AUTH = { authorization: 'Bearer ghp_octocatEmulatorClassicToken000000000', 'x-github-api-version': '2026-03-10' };
const T0 = Date.UTC(2026, 10, 1);

function setup() {
  const emulator = createEmulator({ clockMode: 'manual', clockStart: T0 });
  const fetch = createEmulatorFetch({ emulator });
  const control = createControlClient({ baseUrl: 'http://emulator.test', fetch });
  const create = async (body: object, headers: Record<string, string> = {}) => {
    const res = await fetch('http://emulator.test/agents/repos/octocat/hello-world/tasks', { method: 'POST', headers: { ...AUTH, ...headers }, body: JSON.stringify(body) });
    return (await res.json()) as { id: string };
  };
  const read = (id: string) => fetch(`http://emulator.test/agents/tasks/${id}`, { headers: AUTH });
  return { emulator, fetch, control, create, read };
}

describe('GET /_emulator/tasks/{id}/history', () => {
  it('records the scenario chosen and why, each step with its time and cause, and what the task waits for', async () => {
    const { control, create } = setup();
    const task = await create({ prompt: 'Fix it', create_pull_request: true });
    const queued = await control.history(task.id);
    expect(queued).toMatchObject({
      state: 'queued',
      scenario: 'happy-path',
      chosen_by: 'default',
      clock: { mode: 'manual' },
      next: { state: 'in_progress', trigger: 'after', due_at: '2026-11-01T00:00:03.000Z', in_ms: 3000 },
      entries: [{ at: '2026-11-01T00:00:00.000Z', from: null, to: 'queued', cause: { kind: 'created', scenario: 'happy-path', chosen_by: 'default' } }],
    });
    // The question a user asks of a frozen clock, answered in words.
    expect(queued.waiting_for).toContain('The clock is manual (frozen)');

    await control.advance('1m');
    const done = await control.history(task.id);
    expect(done.entries.map((e) => [e.at, e.from, e.to, e.cause])).toEqual([
      ['2026-11-01T00:00:00.000Z', null, 'queued', { kind: 'created', scenario: 'happy-path', chosen_by: 'default' }],
      ['2026-11-01T00:00:03.000Z', 'queued', 'in_progress', { kind: 'scenario_step', scenario: 'happy-path', step: 0 }],
      ['2026-11-01T00:00:33.000Z', 'in_progress', 'completed', { kind: 'scenario_step', scenario: 'happy-path', step: 1 }],
    ]);
    expect(done.entries[2]!.produced).toMatchObject({ type: 'pull' });
    expect(done.next).toBeNull();
  });

  it('names each way a scenario is chosen: queued outcome, prompt directive, header', async () => {
    const { control, create } = setup();
    await control.queueOutcomes('fails');
    const queued = await create({ prompt: 'x' });
    const directive = await create({ prompt: 'x [emulator:scenario=goes-idle]' });
    const header = await create({ prompt: 'x' }, { 'x-emulator-scenario': 'branch-only' });
    expect((await control.history(queued.id))).toMatchObject({ scenario: 'fails', chosen_by: 'queued outcome' });
    expect((await control.history(directive.id))).toMatchObject({ scenario: 'goes-idle', chosen_by: 'prompt directive' });
    expect((await control.history(header.id))).toMatchObject({ scenario: 'branch-only', chosen_by: 'request header' });
  });

  it('records polls, answers, follow-ups and control levers as causes', async () => {
    const { control, create, read } = setup();
    const polled = await create({ prompt: 'x [emulator:scenario=poll-driven]' });
    await read(polled.id);
    expect((await control.history(polled.id)).entries[1]).toMatchObject({ from: 'queued', to: 'in_progress', cause: { kind: 'poll', scenario: 'poll-driven', step: 0 } });

    const asks = await create({ prompt: 'x [emulator:scenario=waits-for-user]' });
    await control.advance('30s');
    await control.answer(asks.id, 'Yes');
    await control.cancel(asks.id);
    await control.followUp(asks.id, 'Again');
    await control.archive(asks.id);
    const history = await control.history(asks.id);
    expect(history.entries.slice(-4).map((e) => [e.from, e.to, e.cause.kind, e.cause.lever ?? e.cause.scenario ?? null, e.sessions])).toEqual([
      ['waiting_for_user', 'in_progress', 'answer', 'waits-for-user', 2],
      ['in_progress', 'cancelled', 'control', 'cancel', 2],
      // Moved by hand, it left its scenario: the follow-up runs the default one.
      ['cancelled', 'queued', 'follow_up', 'happy-path', 3],
      ['queued', 'queued', 'control', 'archive', 3],
    ]);
    expect(history.archived).toBe(true);
  });

  it('keeps the first entry and the latest ones once past the per-task limit', async () => {
    const { control, create } = setup();
    const task = await create({ prompt: 'x' });
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) await (i % 2 ? control.unarchive(task.id) : control.archive(task.id));
    const history = await control.history(task.id);
    expect(history.entries).toHaveLength(HISTORY_LIMIT);
    expect(history.entries[0]!.cause.kind).toBe('created');
    expect(history.dropped).toBe(6);
    expect(history.entries.at(-1)!.cause.lever).toBe('archive');
  });

  it('answers 404 for a task that does not exist', async () => {
    const { fetch } = setup();
    const res = await fetch('http://emulator.test/_emulator/tasks/nope/history');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ message: 'Not Found' });
  });
});
