import { describe, expect, it } from 'vitest';
import { createMemoryTaskStore } from '../store/memory-task-store.js';
import { generateTasks } from '../fixtures/generate-tasks.js';
import { loadFixtures } from '../fixtures/load-fixtures.js';
import { createPresentCache } from './present-cache.js';
import { presentTaskList, presentTaskWithSessions } from './present-task.js';

const NOW = Date.UTC(2026, 10, 1);
const bases = { api: 'http://127.0.0.1:4010', web: 'https://github.com' };

function storeWithTasks() {
  const store = createMemoryTaskStore();
  for (const t of generateTasks(loadFixtures().plan, 42, NOW)) store.insert(t);
  return store;
}

const page = (store: ReturnType<typeof storeWithTasks>) =>
  store.query({ scope: { kind: 'repository', repositoryId: 1296269 }, archived: false, sort: 'updated_at', direction: 'desc', offset: 0, limit: 30 });

describe('present cache', () => {
  it('answers exactly what presenting afresh answers, for lists and single tasks', () => {
    const store = storeWithTasks();
    const cache = createPresentCache();
    for (let round = 0; round < 2; round++) {
      expect(cache.list(page(store), bases).body.toString()).toBe(JSON.stringify(presentTaskList(page(store), bases)));
      for (const task of page(store).tasks) expect(cache.full(task, bases).body.toString()).toBe(JSON.stringify(presentTaskWithSessions(task, bases)));
    }
  });

  it('notices a change made through the store, and other URL bases: new body, new hash', () => {
    const store = storeWithTasks();
    const cache = createPresentCache();
    const task = page(store).tasks[0]!;
    const before = cache.full(task, bases);
    const listBefore = cache.list(page(store), bases);
    store.update(task.id, (t) => (t.name = 'Renamed'));
    const after = cache.full(task, bases);
    expect(after.body.toString()).toContain('"name":"Renamed"');
    expect(after.hash).not.toBe(before.hash);
    expect(cache.list(page(store), bases).hash).not.toBe(listBefore.hash);
    const elsewhere = cache.full(task, { ...bases, api: 'http://localhost:9/t/job-1' });
    expect(elsewhere.body.toString()).toContain('"url":"http://localhost:9/t/job-1/agents/repos/');
  });

  it('keeps at most its capacity of tasks, however many are read', () => {
    const store = storeWithTasks();
    const cache = createPresentCache(5);
    const tasks = [...store.all()];
    const first = cache.item(tasks[0]!, bases);
    for (const t of tasks.slice(1, 50)) cache.item(t, bases);
    // The first was dropped long ago: asking again builds a new (equal) object rather than reusing it.
    const again = cache.item(tasks[0]!, bases);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
    expect(cache.item(tasks[0]!, bases)).toBe(again);
  });
});
