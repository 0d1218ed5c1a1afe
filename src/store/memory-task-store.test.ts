import { describe, expect, it } from 'vitest';
import { TASK_STATES, type TaskRecord, type TaskState } from '../model/task-record.js';
import { createRandom } from '../support/random.js';
import { createMemoryTaskStore } from './memory-task-store.js';
import type { TaskQuery } from './task-store.js';

function task(id: string, over: Partial<TaskRecord>): TaskRecord {
  return {
    id,
    name: id,
    creatorId: 1,
    creatorType: 'user',
    collaboratorIds: [],
    ownerId: 1,
    ownerLogin: 'o',
    repositoryId: 10,
    repositoryName: 'r',
    state: 'queued',
    sessions: [],
    artifacts: [],
    archivedAt: null,
    createdAt: 0,
    updatedAt: 0,
    seq: 0,
    revision: 0,
    createPullRequest: false,
    ...over,
  };
}

/** The obvious implementation, to compare the indexed one against. */
function naive(tasks: TaskRecord[], q: TaskQuery) {
  const inScope = tasks.filter((t) => (q.scope.kind === 'repository' ? t.repositoryId === q.scope.repositoryId : t.creatorId === q.scope.userId));
  const visible = inScope.filter((t) => !q.repositoryIds || q.repositoryIds.has(t.repositoryId));
  const matching = visible
    .filter((t) => (t.archivedAt !== null) === q.archived)
    .filter((t) => !q.states || q.states.has(t.state))
    .filter((t) => q.since === undefined || t.updatedAt >= q.since)
    .filter((t) => !q.creatorIds || q.creatorIds.has(t.creatorId));
  const key = q.sort === 'created_at' ? 'createdAt' : 'updatedAt';
  // Ties in insertion order (`tasks` is in insertion order), however the ids compare.
  matching.sort((a, b) => a[key] - b[key] || tasks.indexOf(a) - tasks.indexOf(b));
  if (q.direction === 'desc') matching.reverse();
  return {
    ids: matching.slice(q.offset, q.offset + q.limit).map((t) => t.id),
    matched: matching.length,
    totalActive: visible.filter((t) => t.archivedAt === null).length,
    totalArchived: visible.filter((t) => t.archivedAt !== null).length,
  };
}

describe('memory task store', () => {
  it('answers every query like a full sort-and-filter would, through inserts and updates', () => {
    const random = createRandom(7);
    const store = createMemoryTaskStore();
    const tasks: TaskRecord[] = [];
    for (let i = 0; i < 400; i++) {
      const t = task(`t${String(random.int(0, 9999)).padStart(4, '0')}-${i}`, {
        repositoryId: random.pick([10, 11]),
        creatorId: random.pick([1, 2, 3]),
        state: random.pick(TASK_STATES),
        archivedAt: random.next() < 0.2 ? 5 : null,
        createdAt: random.int(0, 50),
        updatedAt: random.int(0, 50),
      });
      tasks.push(t);
      store.insert(t);
    }
    const asked: TaskQuery[] = [];
    const expectLikeNaive = (q: TaskQuery) => {
      const page = store.query(q);
      expect({ ids: page.tasks.map((t) => t.id), matched: page.matched, totalActive: page.totalActive, totalArchived: page.totalArchived }).toEqual(naive(tasks, q));
    };
    const check = (queries: number) => {
      // The store keeps the last pages asked of each version: the latest queries asked again
      // after updates (still kept, were the version not heeded) must not be answered from before.
      for (const q of asked.slice(-20)) expectLikeNaive(q);
      for (let i = 0; i < queries; i++) {
        const states = random.next() < 0.3 ? undefined : new Set<TaskState>([random.pick(TASK_STATES), random.pick(TASK_STATES)]);
        const q: TaskQuery = {
          scope: random.next() < 0.5 ? { kind: 'repository', repositoryId: random.pick([10, 11, 12]) } : { kind: 'creator', userId: random.pick([1, 2, 3]) },
          states,
          archived: random.next() < 0.3,
          since: random.next() < 0.3 ? random.int(0, 60) : undefined,
          creatorIds: random.next() < 0.3 ? new Set(random.pick([[1], [2, 3], [1, 3], [4], [1, 2, 3]])) : undefined,
          repositoryIds: random.next() < 0.3 ? new Set(random.pick([[10], [11], [10, 11], [12], [10, 12]])) : undefined,
          sort: random.pick(['updated_at', 'created_at'] as const),
          direction: random.pick(['asc', 'desc'] as const),
          offset: random.int(0, 40),
          limit: random.int(1, 30),
        };
        expectLikeNaive(q);
        expectLikeNaive(q);
        asked.push(q);
      }
    };
    check(150);
    // Counts kept per creator and per repository must follow every move, so queries run between
    // the updates too.
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 30; i++) {
        const t = random.pick(tasks);
        const move = (x: TaskRecord) => {
          x.state = random.pick(TASK_STATES);
          x.updatedAt = random.int(0, 60);
          x.archivedAt = random.next() < 0.2 ? 9 : null;
        };
        store.update(t.id, move);
      }
      check(100);
    }
  });

  it('orders equal timestamps by insertion, so a later task never sorts before an earlier one', () => {
    const store = createMemoryTaskStore();
    for (const id of ['m', 'z', 'a', 'k']) store.insert(task(id, { createdAt: 7, updatedAt: 7 }));
    const page = (direction: 'asc' | 'desc') =>
      store.query({ scope: { kind: 'repository', repositoryId: 10 }, archived: false, sort: 'created_at', direction, offset: 0, limit: 10 }).tasks.map((t) => t.id);
    expect(page('asc')).toEqual(['m', 'z', 'a', 'k']);
    expect(page('desc')).toEqual(['k', 'a', 'z', 'm']);
  });

  it('numbers a record it takes from 1 up, knows which records it holds, and lets them all go', () => {
    const store = createMemoryTaskStore();
    const [a, b] = [task('a', {}), task('b', {})];
    store.insert(a);
    store.insert(b);
    expect([a.seq, b.seq]).toEqual([1, 2]);
    expect([store.has(a), store.has(b), store.has(task('a', {}))]).toEqual([true, true, false]);
    store.clear();
    expect([store.has(a), store.has(b), store.count()]).toEqual([false, false, 0]);
  });

  it('owns the bookkeeping: sets it whatever a task held, gives each change a new revision, and reports each stored or changed record', () => {
    const heard: TaskRecord[] = [];
    const store = createMemoryTaskStore({ changing: (t) => ({ ...t }), changed: (t) => void heard.push(t) });
    // As a snapshot or state file carries it: no seq, no revision.
    const { seq: _s, revision: _r, ...saved } = task('a', {});
    const stored = store.insert(saved);
    const stale = { ...task('b', {}), seq: 99, revision: Number.NaN };
    store.insert(stale);
    expect([stored.seq, stale.seq]).toEqual([1, 2]);
    const revisions = [stored.revision, stale.revision];
    store.update('a', (t) => (t.updatedAt = 5));
    store.update('b', (t) => (t.updatedAt = 5));
    store.update('a', (t) => (t.updatedAt = 6));
    revisions.push(stored.revision, stale.revision);
    expect(revisions.every(Number.isInteger)).toBe(true);
    expect(new Set(revisions).size).toBe(revisions.length);
    expect(heard).toHaveLength(5);
    // The observer hears the stored records themselves; the tenant strips the bookkeeping before saving (persistence tests).
    for (const t of heard) expect(store.has(t)).toBe(true);
  });

  it('refuses a duplicate id and returns undefined when updating an unknown one', () => {
    const store = createMemoryTaskStore();
    store.insert(task('a', {}));
    expect(() => store.insert(task('a', {}))).toThrow(/already stored/);
    expect(store.update('nope', () => {})).toBeUndefined();
    expect(store.count()).toBe(1);
  });

  it('keeps indexes consistent even when a mutation throws', () => {
    const store = createMemoryTaskStore();
    store.insert(task('a', { updatedAt: 1 }));
    expect(() =>
      store.update('a', (t) => {
        t.updatedAt = 5;
        throw new Error('boom');
      }),
    ).toThrow('boom');
    const page = store.query({ scope: { kind: 'repository', repositoryId: 10 }, archived: false, sort: 'updated_at', direction: 'desc', offset: 0, limit: 10, since: 5 });
    expect(page.tasks.map((t) => t.id)).toEqual(['a']);
  });

  it('has a version that grows with every insert, update and clear, and with nothing else', () => {
    const store = createMemoryTaskStore();
    const seen = [store.version()];
    const grew = () => {
      const v = store.version();
      expect(v).toBeGreaterThan(seen.at(-1)!);
      seen.push(v);
    };
    store.insert(task('a', {}));
    grew();
    store.update('a', (t) => (t.state = 'in_progress'));
    grew();
    // Reads, queries and an update of an unknown task change nothing.
    store.get('a');
    store.query({ scope: { kind: 'repository', repositoryId: 10 }, archived: false, sort: 'updated_at', direction: 'desc', offset: 0, limit: 10 });
    store.update('nope', () => {});
    expect(store.version()).toBe(seen.at(-1));
    // A mutation that throws still changed the record's place: the version moves too.
    expect(() => store.update('a', () => { throw new Error('boom'); })).toThrow('boom');
    grew();
    store.clear();
    grew();
  });
});
