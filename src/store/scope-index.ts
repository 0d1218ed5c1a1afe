import { TASK_STATES, type TaskRecord, type TaskState } from '../domain/types.js';
import { SortedBucket, compareBy, type SortKey } from './sorted-bucket.js';

const STATE_SLOT = new Map<TaskState, number>(TASK_STATES.map((s, i) => [s, i]));

interface Bucket {
  updatedAt: SortedBucket;
  createdAt: SortedBucket;
}

export interface ScopeQuery {
  states?: ReadonlySet<TaskState>;
  archived: boolean;
  since?: number;
  accept?: (task: TaskRecord) => boolean;
  key: SortKey;
  descending: boolean;
  offset: number;
  limit: number;
}

/**
 * The tasks of one scope (a repository, or a creator) split by archived flag and state, each
 * bucket sorted both ways. A page is a k-way merge of at most eight sorted buckets, so its cost
 * follows offset + limit, not the number of tasks stored.
 */
export class ScopeIndex {
  private readonly buckets: Bucket[][] = [0, 1].map(() =>
    TASK_STATES.map(() => ({ updatedAt: new SortedBucket('updatedAt'), createdAt: new SortedBucket('createdAt') })),
  );

  add(task: TaskRecord): void {
    const b = this.bucketOf(task);
    b.updatedAt.insert(task);
    b.createdAt.insert(task);
  }

  remove(task: TaskRecord): void {
    const b = this.bucketOf(task);
    b.updatedAt.remove(task);
    b.createdAt.remove(task);
  }

  size(archived: boolean, accept?: (task: TaskRecord) => boolean): number {
    let n = 0;
    for (const b of this.buckets[archived ? 1 : 0]!) {
      if (!accept) n += b.updatedAt.size;
      else for (const t of b.updatedAt) if (accept(t)) n++;
    }
    return n;
  }

  page(q: ScopeQuery): { tasks: TaskRecord[]; matched: number } {
    const lists = this.selected(q).map((b) => b[q.key]);
    const sinceFloor = q.since;
    // Cursors into each bucket; with an updated_at sort, `since` trims the range up front.
    const lo = lists.map((l) => (sinceFloor !== undefined && q.key === 'updatedAt' ? l.lowerBound(sinceFloor) : 0));
    const hi = lists.map((l) => l.size);
    const keep = (t: TaskRecord) => (sinceFloor === undefined || t.updatedAt >= sinceFloor) && (!q.accept || q.accept(t));

    const tasks: TaskRecord[] = [];
    let skipped = 0;
    for (;;) {
      let best = -1;
      let bestTask: TaskRecord | undefined;
      for (let i = 0; i < lists.length; i++) {
        if (lo[i]! >= hi[i]!) continue;
        const candidate = lists[i]!.at(q.descending ? hi[i]! - 1 : lo[i]!);
        if (!bestTask || (q.descending ? compareBy(q.key, candidate, bestTask) > 0 : compareBy(q.key, candidate, bestTask) < 0)) {
          best = i;
          bestTask = candidate;
        }
      }
      if (!bestTask) break;
      if (q.descending) hi[best]!--;
      else lo[best]!++;
      if (!keep(bestTask)) continue;
      if (skipped < q.offset) skipped++;
      else tasks.push(bestTask);
      if (tasks.length >= q.limit) break;
    }
    return { tasks, matched: this.countMatching(q, keep) };
  }

  private countMatching(q: ScopeQuery, keep: (t: TaskRecord) => boolean): number {
    let n = 0;
    for (const b of this.selected(q)) {
      if (q.accept) {
        for (const t of b.updatedAt) if (keep(t)) n++;
      } else {
        const items = b.updatedAt.size;
        n += q.since === undefined ? items : items - b.updatedAt.lowerBound(q.since);
      }
    }
    return n;
  }

  private selected(q: ScopeQuery): Bucket[] {
    const row = this.buckets[q.archived ? 1 : 0]!;
    return q.states ? [...q.states].map((s) => row[STATE_SLOT.get(s)!]!) : row;
  }

  private bucketOf(task: TaskRecord): Bucket {
    return this.buckets[task.archivedAt === null ? 0 : 1]![STATE_SLOT.get(task.state)!]!;
  }
}
