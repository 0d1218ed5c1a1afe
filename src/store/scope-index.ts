import { TASK_STATES, type TaskRecord, type TaskState } from '../model/task-record.js';
import { SortedBucket, compareBy, type SortKey } from './sorted-bucket.js';

// A plain object rather than a Map: read for every task stored or changed, with keys from a fixed set.
const STATE_SLOT = Object.fromEntries(TASK_STATES.map((s, i) => [s, i])) as Record<TaskState, number>;

interface Bucket {
  updatedAt: SortedBucket;
  createdAt: SortedBucket;
}

export interface ScopeQuery {
  states?: ReadonlySet<TaskState>;
  archived: boolean;
  since?: number;
  /** Only tasks whose other id (the index's `otherOf`) is in this set. */
  others?: ReadonlySet<number>;
  key: SortKey;
  descending: boolean;
  offset: number;
  limit: number;
}

/** Counts per (archived flag, state) of the tasks sharing one other id. */
const SLOTS = 2 * TASK_STATES.length;
const slotOf = (archived: boolean, state: number) => (archived ? TASK_STATES.length : 0) + state;

/**
 * The tasks of one scope (a repository, or a creator) split by archived flag and state, each
 * bucket sorted both ways. A page is a k-way merge of at most eight sorted buckets, so its cost
 * follows offset + limit, not the number of tasks stored.
 *
 * Queries may keep only tasks of some "other" ids: a repository's tasks by some creators
 * (creator_id), a creator's tasks in the repositories a fine-grained token may see. Counts per
 * other id, archived flag and state are kept as tasks come and go, so totals and match counts
 * under such a filter add up a few counters instead of walking every task in the scope.
 */
export class ScopeIndex {
  private readonly buckets: Bucket[][] = [0, 1].map(() =>
    TASK_STATES.map(() => ({ updatedAt: new SortedBucket('updatedAt'), createdAt: new SortedBucket('createdAt') })),
  );
  private readonly counts = new Map<number, Int32Array>();

  /** `otherOf`: the id a query's `others` filter looks at (the creator, or the repository). */
  constructor(private readonly otherOf: (task: TaskRecord) => number) {}

  add(task: TaskRecord): void {
    const b = this.bucketOf(task);
    b.updatedAt.insert(task);
    b.createdAt.insert(task);
    const other = this.otherOf(task);
    let counts = this.counts.get(other);
    if (!counts) this.counts.set(other, (counts = new Int32Array(SLOTS)));
    counts[this.slotOfTask(task)]!++;
  }

  /** Call before the record's keys change, as for SortedBucket.remove. */
  remove(task: TaskRecord): void {
    const b = this.bucketOf(task);
    b.updatedAt.remove(task);
    b.createdAt.remove(task);
    const counts = this.counts.get(this.otherOf(task));
    if (counts) counts[this.slotOfTask(task)]!--;
  }

  /** Every task in the scope. */
  total(): number {
    return this.size(false) + this.size(true);
  }

  /** Tasks archived or not, of the given other ids only when `others` is set. */
  size(archived: boolean, others?: ReadonlySet<number>): number {
    let n = 0;
    if (!others) {
      for (const b of this.buckets[archived ? 1 : 0]!) n += b.updatedAt.size;
      return n;
    }
    for (let state = 0; state < TASK_STATES.length; state++) n += this.countOf(others, slotOf(archived, state));
    return n;
  }

  page(q: ScopeQuery): { tasks: TaskRecord[]; matched: number } {
    const buckets = this.selected(q);
    const lists = buckets.map((b) => b[q.key]);
    const since = q.since;
    const others = q.others;
    const keep = (t: TaskRecord) => (since === undefined || t.updatedAt >= since) && (!others || others.has(this.otherOf(t)));
    // Cursors into each bucket; `since` trims the ranges up front.
    const lo = lists.map(() => 0);
    const hi = lists.map((l) => l.size);
    // In created_at order, tasks created before the floor but updated since sort before all the
    // others; they are gathered and sorted apart, and only when the page reaches them (first going
    // up, last going down).
    let early = (): TaskRecord[] => [];
    if (since !== undefined && q.key === 'updatedAt') lists.forEach((l, i) => (lo[i] = l.lowerBound(since)));
    else if (since !== undefined) {
      const cuts = buckets.map((b) => b.createdAt.lowerBound(since));
      cuts.forEach((cut, i) => (lo[i] = cut));
      early = () => this.createdBefore(buckets, cuts, since, keep);
    }

    const tasks: TaskRecord[] = [];
    let skipped = 0;
    /** Counts `task` towards the page; true once the page is full. */
    const take = (task: TaskRecord): boolean => {
      if (skipped < q.offset) skipped++;
      else tasks.push(task);
      return tasks.length >= q.limit;
    };
    let full = false;
    if (!q.descending) {
      const first = early();
      for (let k = 0; k < first.length && !full; k++) full = take(first[k]!);
    }
    // Each bucket's next task, read again only from the bucket a step took it from.
    const next = (i: number) => (lo[i]! < hi[i]! ? lists[i]!.at(q.descending ? hi[i]! - 1 : lo[i]!) : undefined);
    const heads = lists.map((_, i) => next(i));
    while (!full) {
      let best = -1;
      for (let i = 0; i < heads.length; i++) {
        const head = heads[i];
        if (head === undefined) continue;
        if (best < 0 || (q.descending ? compareBy(q.key, head, heads[best]!) > 0 : compareBy(q.key, head, heads[best]!) < 0)) best = i;
      }
      if (best < 0) break;
      const chosen = heads[best]!;
      if (q.descending) hi[best]!--;
      else lo[best]!++;
      heads[best] = next(best);
      if (keep(chosen)) full = take(chosen);
    }
    if (q.descending && !full) {
      const last = early();
      for (let k = last.length - 1; k >= 0 && !full; k--) full = take(last[k]!);
    }
    return { tasks, matched: this.countMatching(q, keep) };
  }

  /**
   * The tasks kept by `keep` (which holds the `since` floor) among those created before it, in
   * created_at order. They were updated since, so they are found from the shorter of two ranges:
   * the tasks updated since the floor, or those created before it. Walking every bucket in
   * created_at order to the first task created since the floor took 45 ms with 100,000 tasks.
   */
  private createdBefore(buckets: Bucket[], cuts: number[], since: number, keep: (t: TaskRecord) => boolean): TaskRecord[] {
    const found: TaskRecord[] = [];
    buckets.forEach((b, i) => {
      const cut = cuts[i]!;
      const updated = b.updatedAt;
      const from = updated.lowerBound(since);
      if (updated.size - from <= cut) {
        for (let k = from; k < updated.size; k++) {
          const t = updated.at(k);
          if (t.createdAt < since && keep(t)) found.push(t);
        }
      } else {
        for (let k = 0; k < cut; k++) {
          const t = b.createdAt.at(k);
          if (keep(t)) found.push(t);
        }
      }
    });
    return found.sort((a, b) => compareBy('createdAt', a, b));
  }

  private countMatching(q: ScopeQuery, keep: (t: TaskRecord) => boolean): number {
    let n = 0;
    if (q.others && q.since === undefined) {
      const states = q.states ? [...q.states].map((s) => STATE_SLOT[s]) : TASK_STATES.map((_, i) => i);
      for (const state of states) n += this.countOf(q.others, slotOf(q.archived, state));
      return n;
    }
    for (const b of this.selected(q)) {
      const items = b.updatedAt.size;
      const from = q.since === undefined ? 0 : b.updatedAt.lowerBound(q.since);
      if (!q.others) n += items - from;
      // Only the tasks updated since the floor, in order: `at` reads neighbours in O(1).
      else for (let i = from; i < items; i++) if (keep(b.updatedAt.at(i))) n++;
    }
    return n;
  }

  private countOf(others: ReadonlySet<number>, slot: number): number {
    let n = 0;
    for (const other of others) n += this.counts.get(other)?.[slot] ?? 0;
    return n;
  }

  private slotOfTask(task: TaskRecord): number {
    return slotOf(task.archivedAt !== null, STATE_SLOT[task.state]);
  }

  private selected(q: ScopeQuery): Bucket[] {
    const row = this.buckets[q.archived ? 1 : 0]!;
    return q.states ? [...q.states].map((s) => row[STATE_SLOT[s]]!) : row;
  }

  private bucketOf(task: TaskRecord): Bucket {
    return this.buckets[task.archivedAt === null ? 0 : 1]![STATE_SLOT[task.state]]!;
  }
}
