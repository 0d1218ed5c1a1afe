import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countReservations, createTaskBudget, readStartedTasks } from '../contract/harness/task-budget.js';

describe('task budget', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'budget-test-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('hands out at most max slots, shared by every budget on the same directory', () => {
    const a = createTaskBudget(dir, 2);
    const b = createTaskBudget(dir, 2);
    expect(a.reserve('one')?.slot).toBe(1);
    expect(b.reserve('two')?.slot).toBe(2);
    expect(a.reserve('three')).toBeUndefined();
    expect(countReservations(dir)).toBe(2);
  });

  it('gives a refused request’s slot back and lists only tasks that started', () => {
    const budget = createTaskBudget(dir, 2);
    const refused = budget.reserve('validation')!;
    const started = budget.reserve('create')!;
    started.record({ id: 'task-1', html_url: 'https://github.com/o/r/copilot/tasks/task-1', test: 'create' });
    refused.release();
    expect(readStartedTasks(dir)).toEqual([{ id: 'task-1', html_url: 'https://github.com/o/r/copilot/tasks/task-1', test: 'create' }]);
    expect(budget.reserve('again')?.slot).toBe(1);
  });

  it('keeps a slot whose outcome is unknown without counting it as a started task', () => {
    createTaskBudget(dir, 1).reserve('timed out');
    expect(readStartedTasks(dir)).toEqual([]);
    expect(countReservations(dir)).toBe(1);
    expect(createTaskBudget(dir, 1).reserve('next')).toBeUndefined();
  });
});
