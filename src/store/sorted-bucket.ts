import type { TaskRecord } from '../domain/types.js';

export type SortKey = 'updatedAt' | 'createdAt';

/** Tasks kept in ascending (time, id) order so a page is read without sorting the whole set. */
export class SortedBucket {
  readonly items: TaskRecord[] = [];

  constructor(readonly key: SortKey) {}

  insert(task: TaskRecord): void {
    this.items.splice(this.lowerBound(task[this.key], task.id), 0, task);
  }

  /** Call before the record's key or id changes: the position is found from the current values. */
  remove(task: TaskRecord): void {
    const at = this.lowerBound(task[this.key], task.id);
    if (this.items[at] === task) this.items.splice(at, 1);
    else {
      const fallback = this.items.indexOf(task);
      if (fallback >= 0) this.items.splice(fallback, 1);
    }
  }

  /** Index of the first item not less than (time, id). */
  lowerBound(time: number, id = ''): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const item = this.items[mid]!;
      const t = item[this.key];
      if (t < time || (t === time && item.id < id)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export function compareBy(key: SortKey, a: TaskRecord, b: TaskRecord): number {
  const d = a[key] - b[key];
  if (d !== 0) return d;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
