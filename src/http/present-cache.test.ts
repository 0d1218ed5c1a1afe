import { describe, expect, it } from 'vitest';
import type { TaskRecord } from '../domain/types.js';
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
    const nameOf = (task: TaskRecord) => JSON.parse(cache.item(task, bases).body.toString()).name;
    const first = nameOf(tasks[0]!);
    // Changed behind the store's back (no new revision): while kept, the task shows what it was.
    tasks[0]!.name = 'Changed behind the cache';
    expect(nameOf(tasks[0]!)).toBe(first);
    for (const t of tasks.slice(1, 50)) cache.item(t, bases);
    // Dropped long ago: presented afresh.
    expect(nameOf(tasks[0]!)).toBe('Changed behind the cache');
  });

  it('presents a task once for every API base: each body as if presented afresh for its base', () => {
    const store = storeWithTasks();
    const cache = createPresentCache();
    const task = [...store.all()][0]!;
    const tenant = { api: 'http://127.0.0.1:4010/t/job-7', web: bases.web };
    const atRoot = cache.full(task, bases);
    expect(atRoot.body.toString()).toBe(JSON.stringify(presentTaskWithSessions(task, bases)));
    task.name = 'Changed behind the cache';
    const inTenant = cache.full(task, tenant);
    // The tenant's body was made from the kept presentation (the old name), with its own URL.
    expect(JSON.parse(inTenant.body.toString())).toEqual({ ...JSON.parse(atRoot.body.toString()), url: `${tenant.api}/agents/repos/${task.ownerLogin}/${task.repositoryName}/tasks/${task.id}` });
  });

  it('hands back the same assembled list while its tasks and totals are unchanged, and a fresh one after', () => {
    const store = storeWithTasks();
    const cache = createPresentCache();
    const first = cache.list(page(store), bases);
    expect(cache.list(page(store), bases)).toBe(first);
    // A task on the page changed: a new body, equal to presenting afresh.
    const task = page(store).tasks[3]!;
    store.update(task.id, (t) => (t.name = 'Renamed on page one'));
    const afterChange = cache.list(page(store), bases);
    expect(afterChange).not.toBe(first);
    expect(afterChange.body.toString()).toBe(JSON.stringify(presentTaskList(page(store), bases)));
    // The same tasks with other totals (one archived off the page) is another body too.
    const onPage = new Set(page(store).tasks);
    const elsewhere = [...store.all()].find((t) => !onPage.has(t) && t.repositoryId === 1296269 && t.archivedAt === null)!;
    const sameTasks = { ...page(store), totalArchived: page(store).totalArchived + 1 };
    expect(cache.list(sameTasks, bases)).not.toBe(afterChange);
    expect(cache.list(sameTasks, bases).body.toString()).toBe(JSON.stringify(presentTaskList(sameTasks, bases)));
    // Another web base, or a page of other tasks starting with the same one, is never the cached body.
    expect(cache.list(page(store), { ...bases, web: 'https://ghe.example' }).body.toString()).toContain('https://ghe.example');
    const swapped = { ...page(store), tasks: [page(store).tasks[0]!, elsewhere, ...page(store).tasks.slice(2)] };
    expect(cache.list(swapped, bases).body.toString()).toBe(JSON.stringify(presentTaskList(swapped, bases)));
  });

  it('keeps at most its capacity of assembled lists', () => {
    const store = storeWithTasks();
    const cache = createPresentCache(2_000, 2);
    const pages = [0, 1, 2].map((offset) => ({ ...page(store), tasks: page(store).tasks.slice(offset, offset + 5) }));
    const made = pages.map((p) => cache.list(p, bases));
    // The first was dropped when the third came in; the third is still held.
    expect(cache.list(pages[0]!, bases)).not.toBe(made[0]);
    expect(cache.list(pages[0]!, bases).body).toEqual(made[0]!.body);
    expect(cache.list(pages[2]!, bases)).toBe(made[2]);
  });
});
