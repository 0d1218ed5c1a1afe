import type { TaskRecord } from '../domain/types.js';

export type SortKey = 'updatedAt' | 'createdAt';

/**
 * The task's time by `key`, read by name: `task[key]` with a key that varies made V8's property
 * lookup megamorphic, a hash probe on every comparison (seen in perf, bench/NOTES.md).
 */
export function timeOf(task: TaskRecord, key: SortKey): number {
  return key === 'createdAt' ? task.createdAt : task.updatedAt;
}

/** Slots a block starts with; it doubles, up to its capacity, as it fills. */
const FIRST_SLOTS = 8;

/**
 * One run of a SortedBucket's order: `items[start..end)` of an array that starts small and
 * doubles up to `capacity` (a tenant with three tasks in a bucket holds eight slots, not 512);
 * a task leaving from the front only moves `start`.
 */
export class SortedBlock {
  private items: (TaskRecord | undefined)[];
  private start = 0;
  private end = 0;

  constructor(
    readonly capacity: number,
    slots = FIRST_SLOTS,
  ) {
    this.items = new Array<TaskRecord | undefined>(Math.min(capacity, slots));
  }

  get length(): number {
    return this.end - this.start;
  }

  get full(): boolean {
    return this.end - this.start === this.capacity;
  }

  /** The item at `i` (0 <= i < length). */
  at(i: number): TaskRecord {
    return this.items[this.start + i]!;
  }

  first(): TaskRecord {
    return this.items[this.start]!;
  }

  last(): TaskRecord {
    return this.items[this.end - 1]!;
  }

  /** Where `task` is, compared by reference; -1 if not here. */
  indexOf(task: TaskRecord): number {
    const items = this.items;
    for (let i = this.start; i < this.end; i++) if (items[i] === task) return i - this.start;
    return -1;
  }

  /** Puts `task` at `i` (0 <= i <= length) of a block that is not full. */
  insertAt(i: number, task: TaskRecord): void {
    if (this.start === 0 && this.end === this.items.length) this.grow();
    const items = this.items;
    const at = this.start + i;
    const roomAfter = this.end < items.length;
    if (roomAfter && (this.start === 0 || this.end - at <= at - this.start)) {
      for (let k = this.end; k > at; k--) items[k] = items[k - 1];
      items[at] = task;
      this.end++;
    } else {
      // The items before `at` move down into the room before them: there is no room after the
      // last item, or fewer items to move this way.
      this.start--;
      for (let k = this.start; k < at - 1; k++) items[k] = items[k + 1];
      items[at - 1] = task;
    }
  }

  /** Takes out the item at `i`, moving the shorter side of the block. */
  removeAt(i: number): void {
    const items = this.items;
    const at = this.start + i;
    if (i < this.length - 1 - i) {
      for (let k = at; k > this.start; k--) items[k] = items[k - 1];
      items[this.start++] = undefined;
    } else {
      for (let k = at; k < this.end - 1; k++) items[k] = items[k + 1];
      items[--this.end] = undefined;
    }
  }

  /** Twice the slots (at most `capacity`), the items moved to the front. */
  private grow(): void {
    const items = new Array<TaskRecord | undefined>(Math.min(this.capacity, this.items.length * 2));
    for (let k = this.start; k < this.end; k++) items[k - this.start] = this.items[k];
    this.end -= this.start;
    this.start = 0;
    this.items = items;
  }

  /** Moves the items from `i` on into a new block, which it returns. */
  splitAt(i: number): SortedBlock {
    const tail = new SortedBlock(this.capacity, this.length - i + 1);
    const items = this.items;
    const from = this.start + i;
    for (let k = from; k < this.end; k++) {
      tail.items[tail.end++] = items[k];
      items[k] = undefined;
    }
    this.end = from;
    return tail;
  }

  /** Index of the first item not less than (time, seq) by `key`. */
  lowerBound(key: SortKey, time: number, seq: number): number {
    let lo = this.start;
    let hi = this.end;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const item = this.items[mid]!;
      const t = timeOf(item, key);
      if (t < time || (t === time && item.seq < seq)) lo = mid + 1;
      else hi = mid;
    }
    return lo - this.start;
  }

  *[Symbol.iterator](): Iterator<TaskRecord> {
    for (let i = this.start; i < this.end; i++) yield this.items[i]!;
  }
}
