import { describe, expect, it } from 'vitest';
import { buildTask } from '../domain/agent-tasks.js';
import type { TaskState } from '../model/task-record.js';
import { loadFixtures } from '../fixtures/load-fixtures.js';
import { createTenant } from '../tenants/tenant.js';
import { loadScenarios } from './load-scenarios.js';
import { parseScenario } from './parse-scenario.js';
import { pathTo } from './scenario-engine.js';

const START = Date.UTC(2026, 10, 1, 12, 0, 0);
const fixtures = loadFixtures();
const catalogue = loadScenarios();

function setup(defaultScenario = 'happy-path', seed = 1, scenarios = catalogue) {
  const tenant = createTenant({
    name: 'test',
    fixtures: { ...fixtures, plan: { ...fixtures.plan, groups: [] } },
    seed,
    timeSource: () => 0,
    clockMode: 'manual',
    timeScale: 0,
    clockStart: START,
    catalogue: scenarios,
    defaultScenario,
    journalSize: 10,
  });
  const repo = fixtures.directory.repositories.get('octocat/hello-world')!;
  const user = fixtures.directory.accounts.get('octocat')!;
  const start = (prompt = 'Fix it', extra: { createPullRequest?: boolean; headerScenario?: string; headRef?: string; baseRef?: string } = {}) => {
    const task = buildTask(tenant.world, repo, user, { prompt, createPullRequest: extra.createPullRequest ?? false, headRef: extra.headRef, baseRef: extra.baseRef }, tenant.clock.now());
    const result = tenant.engine.start(task, { headerScenario: extra.headerScenario });
    if (!result.ok) throw new Error(result.message);
    tenant.world.store.insert(task);
    return task.id;
  };
  const get = (id: string) => tenant.world.store.get(id)!;
  const advance = (ms: number) => {
    tenant.clock.advance(ms);
    tenant.engine.settle();
  };
  /** Advance second by second, recording each state change with its timestamp. */
  const run = (id: string, minutes: number) => {
    const seen: Array<[TaskState, number]> = [[get(id).state, get(id).updatedAt]];
    for (let i = 0; i < minutes * 60; i++) {
      advance(1000);
      const t = get(id);
      if (t.state !== seen.at(-1)![0] || t.sessions.length > 1) seen.push([t.state, t.updatedAt]);
    }
    return seen.filter((s, i) => i === 0 || s[0] !== seen[i - 1]![0]);
  };
  return { tenant, start, get, advance, run };
}

const states = (seen: Array<[TaskState, number]>) => seen.map(([s]) => s);

describe('scenario engine on a manual clock', () => {
  it('happy-path: queued, in_progress after 3 s, completed 30 s later with a pull request, stamped at due times', () => {
    const { start, get, advance } = setup();
    const id = start('Ship it', { createPullRequest: true });
    advance(2_999);
    expect(get(id).state).toBe('queued');
    advance(1);
    expect(get(id).state).toBe('in_progress');
    expect(get(id).updatedAt).toBe(START + 3_000);
    expect(get(id).sessions[0]!.headRef).toMatch(/^copilot\/ship-it-[0-9a-f]{4}$/);
    advance(60_000);
    const t = get(id);
    expect(t.state).toBe('completed');
    expect(t.updatedAt).toBe(START + 33_000);
    expect(t.sessions[0]).toMatchObject({ state: 'completed', completedAt: START + 33_000, usage: { type: 'ai_credits' } });
    expect(t.artifacts).toEqual([{ provider: 'github', type: 'pull', data: { id: expect.any(Number), global_id: expect.stringMatching(/^PR_kwDO/) } }]);
  });

  it('happy-path without create_pull_request leaves a branch artifact', () => {
    const { start, get, run } = setup();
    const id = start();
    run(id, 2);
    expect(get(id).artifacts).toEqual([{ provider: 'github', type: 'branch', data: { head_ref: get(id).sessions[0]!.headRef, base_ref: 'main' } }]);
  });

  it('with head_ref and base_ref, the task works on that branch and its one open pull request', () => {
    const { start, get, run } = setup('pull-request');
    const a = start('one', { headRef: 'feature/x', baseRef: 'main' });
    const b = start('two', { headRef: 'feature/x', baseRef: 'main' });
    const c = start('three');
    run(a, 2);
    const pull = (id: string) => get(id).artifacts.find((x) => x.type === 'pull')!.data as { id: number };
    expect(get(a).sessions[0]!.headRef).toBe('feature/x');
    expect(pull(a).id).toBe(pull(b).id);
    expect(pull(c).id).not.toBe(pull(a).id);
  });

  it.each([
    ['pull-request', 2, ['queued', 'in_progress', 'completed']],
    ['branch-only', 2, ['queued', 'in_progress', 'completed']],
    ['fails', 2, ['queued', 'in_progress', 'failed']],
    ['times-out', 70, ['queued', 'in_progress', 'timed_out']],
    ['goes-idle', 5, ['queued', 'in_progress', 'idle']],
    ['cancelled', 2, ['queued', 'in_progress', 'cancelled']],
    ['slow-queue', 15, ['queued', 'in_progress', 'completed']],
    ['realistic', 30, ['queued', 'in_progress', 'completed']],
  ])('%s runs to its end', (scenario, minutes, expected) => {
    const { start, run, get, tenant } = setup(scenario);
    const id = start();
    expect(states(run(id, minutes))).toEqual(expected);
    const last = get(id).sessions.at(-1)!;
    if (scenario === 'fails') expect(last.errorMessage).toBe('The agent could not build the project: npm ci exited with code 1.');
    if (scenario === 'branch-only') expect(get(id).artifacts[0]!.type).toBe('branch');
    if (scenario === 'pull-request') expect(get(id).artifacts[0]!.type).toBe('pull');
    expect(tenant.world.store.get(id)!.progress!.step).toBe(catalogue.get(scenario)!.steps.length);
  });

  it('waits-for-user waits for an answer, which opens a second session that completes', () => {
    const { start, get, run, tenant, advance } = setup('waits-for-user');
    const id = start();
    expect(states(run(id, 10))).toEqual(['queued', 'in_progress', 'waiting_for_user']);
    expect(get(id).sessions).toHaveLength(1);
    const answered = tenant.engine.answer(id, 'Use the v2 API');
    expect(answered.ok).toBe(true);
    const t = get(id);
    expect(t.sessions).toHaveLength(2);
    expect(t.sessions[0]).toMatchObject({ state: 'completed', completedAt: tenant.clock.now() });
    expect(t.sessions[1]).toMatchObject({ state: 'in_progress', prompt: 'Use the v2 API' });
    expect(t.state).toBe('in_progress');
    advance(60_000);
    expect(get(id).state).toBe('completed');
    expect(get(id).sessions[1]!.state).toBe('completed');
  });

  it('poll-driven moves on reads: the first read sees in_progress, the third completed', () => {
    const { start, get, tenant, advance } = setup('poll-driven');
    const id = start();
    advance(3_600_000);
    expect(get(id).state).toBe('queued');
    const read = () => {
      tenant.engine.read(get(id));
      return get(id).state;
    };
    expect([read(), read(), read(), read()]).toEqual(['in_progress', 'in_progress', 'completed', 'completed']);
  });

  it('counts reads afresh for each step', () => {
    const slow = parseScenario(
      { name: 'slow-polls', description: 'two reads, then three', steps: [{ state: 'in_progress', after_reads: 2 }, { state: 'completed', after_reads: 3 }] },
      'test',
    );
    const { start, get, tenant } = setup('slow-polls', 1, new Map([...catalogue, [slow.name, slow]]));
    const id = start();
    const read = () => {
      tenant.engine.read(get(id));
      return get(id).state;
    };
    expect([read(), read(), read(), read(), read(), read()]).toEqual(['queued', 'in_progress', 'in_progress', 'in_progress', 'completed', 'completed']);
  });

  it('jitter is drawn from the seed: the same seed repeats, another differs', () => {
    const durations = (seed: number) => {
      const { start, get, run } = setup('realistic', seed);
      const ids = [start('a'), start('b'), start('c')];
      for (const id of ids) run(id, 0);
      run(ids[0]!, 30);
      return ids.map((id) => get(id).updatedAt - get(id).createdAt);
    };
    expect(durations(5)).toEqual(durations(5));
    expect(durations(5)).not.toEqual(durations(6));
    for (const d of durations(5)) expect(d).toBeGreaterThan(0);
  });

  it('illegal moves are refused with the reason and change nothing', () => {
    const { start, get, tenant, run } = setup('fails');
    const id = start();
    const before = structuredClone(get(id));
    const refused = tenant.engine.move(id, 'completed');
    expect(refused).toEqual({ ok: false, reason: 'conflict', message: expect.stringMatching(/Cannot move a task from queued to completed/) });
    expect(get(id)).toEqual(before);
    run(id, 2);
    expect(tenant.engine.move(id, 'in_progress')).toMatchObject({ ok: false, message: expect.stringMatching(/failed is terminal/) });
    expect(tenant.engine.answer(id, 'hello')).toMatchObject({ ok: false, reason: 'conflict' });
    expect(tenant.engine.move('nope', 'cancelled')).toMatchObject({ ok: false, reason: 'not_found' });
  });

  it('a manual move takes the task out of its scenario', () => {
    const { start, get, tenant, advance } = setup('happy-path');
    const id = start();
    expect(tenant.engine.move(id, 'in_progress').ok).toBe(true);
    expect(tenant.engine.move(id, 'waiting_for_user').ok).toBe(true);
    advance(3_600_000);
    expect(get(id).state).toBe('waiting_for_user');
    expect(get(id).progress).toBeUndefined();
  });

  it('a follow-up on a finished task opens a new session and runs its scenario again', () => {
    const { start, get, tenant, run } = setup('fails');
    const id = start();
    run(id, 2);
    expect(tenant.engine.followUp(id, 'Try again').ok).toBe(true);
    expect(get(id)).toMatchObject({ state: 'queued', sessions: [{ state: 'failed' }, { state: 'queued', prompt: 'Try again' }] });
    run(id, 2);
    expect(get(id).state).toBe('failed');
    expect(get(id).sessions).toHaveLength(2);
  });

  it('1,000 tasks on a 30-minute scenario settle in order, each transition at its due time', () => {
    const thirty = {
      name: 'thirty',
      description: '',
      source: 'test',
      steps: [
        { state: 'in_progress' as const, trigger: { kind: 'after' as const, ms: 60_000, jitter: 0.5 } },
        { state: 'completed' as const, trigger: { kind: 'after' as const, ms: 29 * 60_000, jitter: 0.3 } },
      ],
    };
    const tenant = createTenant({
      name: 'bulk',
      fixtures: { ...fixtures, plan: { ...fixtures.plan, groups: [] } },
      seed: 3,
      timeSource: () => 0,
      clockMode: 'manual',
      timeScale: 0,
      clockStart: START,
      catalogue: new Map([...catalogue, ['thirty', thirty]]),
      defaultScenario: 'thirty',
      journalSize: 0,
    });
    const repo = fixtures.directory.repositories.get('octocat/hello-world')!;
    const user = fixtures.directory.accounts.get('octocat')!;
    const ids: string[] = [];
    for (let i = 0; i < 1000; i++) {
      tenant.clock.advance(1000);
      const task = buildTask(tenant.world, repo, user, { prompt: `task ${i}`, createPullRequest: false }, tenant.clock.now());
      tenant.engine.start(task, {});
      tenant.world.store.insert(task);
      ids.push(task.id);
    }
    const order: string[] = [];
    // Scripted steps change the records through the store.
    const spy = tenant.world.store.update.bind(tenant.world.store);
    tenant.world.store.update = (id, mutate) => {
      const result = spy(id, mutate);
      if (result?.state === 'completed') order.push(`${result.updatedAt}:${result.id}`);
      return result;
    };
    tenant.clock.advance(3 * 3_600_000);
    tenant.engine.settle();
    const tasks = ids.map((id) => tenant.world.store.get(id)!);
    expect(tasks.every((t) => t.state === 'completed')).toBe(true);
    const times = order.map((o) => Number(o.split(':')[0]));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(order).toHaveLength(1000);
    for (const t of tasks) {
      const total = t.updatedAt - t.createdAt;
      expect(total).toBeGreaterThanOrEqual(30_000 + 0.7 * 29 * 60_000 - 1);
      expect(total).toBeLessThanOrEqual(90_000 + 1.3 * 29 * 60_000 + 1);
    }
    expect(tenant.engine.pending()).toBe(0);
  });

  it('finds the shortest legal path to each state for loaded tasks', () => {
    expect(pathTo('queued')).toEqual([]);
    expect(pathTo('completed')).toEqual(['in_progress', 'completed']);
    expect(pathTo('waiting_for_user')).toEqual(['in_progress', 'waiting_for_user']);
    expect(pathTo('cancelled')).toEqual(['cancelled']);
  });

  it('refuses an unknown scenario asked for in the prompt or header, and honours them otherwise', () => {
    const { start, get } = setup();
    expect(() => start('Do it [emulator:scenario=nope]')).toThrow(/unknown scenario nope/);
    expect(() => start('Do it', { headerScenario: 'nope' })).toThrow(/unknown scenario nope/);
    expect(get(start('Do it [emulator:scenario=fails]')).progress!.scenario).toBe('fails');
    expect(get(start('Do it', { headerScenario: 'goes-idle' })).progress!.scenario).toBe('goes-idle');
  });

  it('a queued outcome beats a directive and a header, first in first out', () => {
    const { start, get, tenant } = setup();
    expect(tenant.engine.queueOutcomes(['cancelled', 'times-out'])).toEqual({ ok: true });
    expect(tenant.engine.queueOutcomes(['nope'])).toEqual({ ok: false, unknown: ['nope'] });
    expect(get(start('x [emulator:scenario=fails]', { headerScenario: 'fails' })).progress!.scenario).toBe('cancelled');
    expect(get(start('y')).progress!.scenario).toBe('times-out');
    expect(get(start('z')).progress!.scenario).toBe('happy-path');
  });
});

