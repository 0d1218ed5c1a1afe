import type { TaskRecord } from '../domain/types.js';

export type SortKey = 'updatedAt' | 'createdAt';

/**
 * Tasks kept in ascending (time, seq) order so a page is read without sorting the whole set. Ties
 * go by insertion order (TaskRecord.seq), never by the random id, so a new task lands after every
 * task that shares its timestamp.
 */
export class SortedBucket {
  readonly items: TaskRecord[] = [];

  constructor(readonly key: SortKey) {}

  insert(task: TaskRecord): void {
    this.items.splice(this.lowerBound(task[this.key], task.seq), 0, task);
  }

  /** Call before the record's key changes: the position is found from the current values. */
  remove(task: TaskRecord): void {
    const at = this.lowerBound(task[this.key], task.seq);
    if (this.items[at] === task) this.items.splice(at, 1);
    else {
      const fallback = this.items.indexOf(task);
      if (fallback >= 0) this.items.splice(fallback, 1);
    }
  }

  /** Index of the first item not less than (time, seq). */
  lowerBound(time: number, seq = 0): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const item = this.items[mid]!;
      const t = item[this.key];
      if (t < time || (t === time && item.seq < seq)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export function compareBy(key: SortKey, a: TaskRecord, b: TaskRecord): number {
  return a[key] - b[key] || a.seq - b.seq;
}
