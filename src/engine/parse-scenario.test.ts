import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDuration } from './duration.js';
import { loadScenarioDir, loadScenarios } from './load-scenarios.js';
import { parseScenario } from './parse-scenario.js';
import { TRANSITIONS, canMove } from './state-machine.js';
import { TASK_STATES } from '../model/task-record.js';
import { tempDir } from '../../test/support/temp-dir.js';

describe('durations', () => {
  it.each([
    ['250ms', 250],
    ['5s', 5000],
    ['2m', 120_000],
    ['1h30m', 5_400_000],
    ['1.5s', 1500],
    ['1d', 86_400_000],
  ])('%s is %i ms', (text, ms) => expect(parseDuration(text)).toBe(ms));
  it.each(['', '5', 'five s', '5 s', '-5s', '5x'])('%j is malformed', (text) => expect(parseDuration(text)).toBeUndefined());
});

describe('the state machine', () => {
  it('terminal states lead nowhere and every other state can reach a terminal one', () => {
    for (const s of ['completed', 'failed', 'timed_out', 'cancelled'] as const) expect(TRANSITIONS[s]).toEqual([]);
    expect(canMove('queued', 'in_progress')).toBe(true);
    expect(canMove('queued', 'completed')).toBe(false);
    expect(canMove('waiting_for_user', 'in_progress')).toBe(true);
    expect(canMove('idle', 'cancelled')).toBe(true);
    for (const s of TASK_STATES) if (TRANSITIONS[s].length > 0) expect(TRANSITIONS[s].some((t) => TRANSITIONS[t].length === 0)).toBe(true);
  });
});

describe('scenario files', () => {
  const bad = (doc: unknown) => () => parseScenario(doc, 'x.yaml');

  it('refuse a step that is not a legal move, naming the file and step', () => {
    expect(bad({ name: 'x', steps: [{ state: 'completed', after: '1s' }] })).toThrow(
      /^x\.yaml: step 1 \(completed\): Cannot move a task from queued to completed/,
    );
    expect(bad({ name: 'x', steps: [{ state: 'in_progress', after: '1s' }, { state: 'completed', after: '1s' }, { state: 'failed', after: '1s' }] })).toThrow(
      /step 3 \(failed\).*completed is terminal/,
    );
  });

  it.each([
    [{ name: 'x', steps: [{ state: 'in_progress' }] }, /exactly one of after, after_reads, on/],
    [{ name: 'x', steps: [{ state: 'in_progress', after: '1s', after_reads: 2 }] }, /exactly one of/],
    [{ name: 'x', steps: [{ state: 'in_progress', after: 'soon' }] }, /after must be a duration/],
    [{ name: 'x', steps: [{ state: 'in_progress', after: '1s' }, { state: 'failed', after: '1s', error: '' }] }, /step 2\/error must NOT have fewer than 1 characters/],
    [{ name: 'x', steps: [{ state: 'in_progress', after: '1s', error: 'no' }] }, /error applies only to failed/],
    [{ name: 'x', steps: [{ state: 'in_progress', on: 'answer' }] }, /on: answer must follow a waiting_for_user or idle step/],
    [{ name: 'x', steps: [{ state: 'in_progress', after_reads: 1, jitter: 0.2 }] }, /jitter applies only to after/],
    [{ name: 'Bad Name', steps: [{ state: 'in_progress', after: '1s' }] }, /name must match pattern/],
    [{ name: 'x', steps: [] }, /steps must NOT have fewer than 1 items/],
    [{ name: 'x', steps: [{ state: 'done', after: '1s' }] }, /step 1\/state must be equal to one of the allowed values/],
    [{ name: 'x', steps: [{ state: 'in_progress', after: '1s', colour: 'red' }] }, /additional properties \(colour\)/],
  ])('refuse %j', (doc, message) => expect(bad(doc)).toThrow(message));

  it('every built-in scenario loads, and together they reach all eight states', () => {
    const catalogue = loadScenarios();
    expect([...catalogue.keys()].sort()).toEqual([
      'branch-only', 'cancelled', 'fails', 'goes-idle', 'happy-path', 'poll-driven', 'pull-request', 'realistic', 'slow-queue', 'times-out', 'waits-for-user',
    ]);
    const reached = new Set(['queued', ...[...catalogue.values()].flatMap((s) => s.steps.map((step) => step.state))]);
    expect(reached).toEqual(new Set(TASK_STATES));
  });

  it('a folder with a bad or duplicate file stops loading with the file name', () => {
    const dir = tempDir('scenarios-');
    writeFileSync(join(dir, 'a.yaml'), 'name: a\nsteps:\n  - { state: in_progress, after: 1s }\n');
    writeFileSync(join(dir, 'b.yaml'), 'name: a\nsteps:\n  - { state: in_progress, after: 2s }\n');
    expect(() => loadScenarioDir(dir)).toThrow(/b\.yaml: scenario a is already defined in .*a\.yaml/);
    writeFileSync(join(dir, 'b.yaml'), 'name: [unclosed');
    expect(() => loadScenarioDir(dir)).toThrow(/b\.yaml: not valid YAML/);
  });

  it('a user folder adds scenarios and may replace a built-in one', () => {
    const dir = tempDir('scenarios-');
    writeFileSync(join(dir, 'happy.yaml'), 'name: happy-path\ndescription: faster\nsteps:\n  - { state: in_progress, after: 1s }\n');
    writeFileSync(join(dir, 'mine.yaml'), 'name: mine\nsteps:\n  - { state: cancelled, after: 1s }\n');
    const catalogue = loadScenarios([dir]);
    expect(catalogue.get('happy-path')?.description).toBe('faster');
    expect(catalogue.has('mine')).toBe(true);
    expect(catalogue.has('fails')).toBe(true);
  });
});
