import type { TaskRecord } from '../domain/types.js';

export type SortKey = 'updatedAt' | 'createdAt';

/** Items a block holds before it splits in two. */
const DEFAULT_BLOCK_SIZE = 512;

/**
 * Tasks kept in ascending (time, seq) order so a page is read without sorting the whole set. Ties
 * go by insertion order (TaskRecord.seq), never by the random id, so a new task lands after every
 * task that shares its timestamp.
 *
 * The order lives in blocks of at most `blockSize` tasks rather than one array: a task moving on
 * (queued to in_progress) leaves its bucket at the old end, and removing from the front of one
 * 100,000-item array moved every other item, a fifth of a create's time under load
 * (bench/RESULTS.md). A block moves at most `blockSize` items. Reading by index walks the blocks,
 * but remembers where it last was, so reading neighbouring indexes (a page, either way) costs
 * O(1) each.
 */
export class SortedBucket implements Iterable<TaskRecord> {
  private readonly blocks: TaskRecord[][] = [];
  private count = 0;
  // Where the last `at` landed: the block and the index of its first item.
  private hintBlock = 0;
  private hintStart = 0;

  constructor(
    readonly key: SortKey,
    private readonly blockSize = DEFAULT_BLOCK_SIZE,
  ) {}

  get size(): number {
    return this.count;
  }

  insert(task: TaskRecord): void {
    const blocks = this.blocks;
    const time = timeOf(task, this.key);
    const seq = task.seq;
    let b = blocks.length - 1;
    const lastBlock = blocks[b];
    if (!lastBlock) {
      blocks.push([task]);
      b = 0;
    }
    // A new task, or one just moved on, sorts last or nearly so: the last block is looked at
    // before any search, as each step of a search reads a record from somewhere in the heap.
    else if (this.before(lastBlock[lastBlock.length - 1]!, time, seq)) lastBlock.push(task);
    else {
      if (!this.before(lastBlock[0]!, time, seq)) b = this.blockFor(time, seq);
      const block = blocks[b]!;
      block.splice(lowerBoundIn(block, this.key, time, seq), 0, task);
    }
    const block = blocks[b]!;
    if (block.length > this.blockSize) blocks.splice(b + 1, 0, block.splice(block.length >> 1));
    this.count++;
    this.resetHint();
  }

  /** Call before the record's key changes: the position is found from the current values. */
  remove(task: TaskRecord): void {
    const first = this.blocks[0];
    // Tasks mostly leave a bucket oldest first (queued ones as they start): the very first item is
    // compared by reference, which reads no record, and then the first block before any search.
    if (first?.[0] === task) return this.removeAt(0, 0);
    const time = timeOf(task, this.key);
    const b = first && !this.before(first[first.length - 1]!, time, task.seq) ? 0 : this.blockFor(time, task.seq);
    // A scan comparing references reads no record, unlike a binary search by key.
    const at = this.blocks[b]?.indexOf(task) ?? -1;
    if (at < 0) {
      // Not where its key says: search every block (only a caller breaking the contract gets here).
      for (const [i, other] of this.blocks.entries()) {
        const found = other.indexOf(task);
        if (found >= 0) return this.removeAt(i, found);
      }
      return;
    }
    this.removeAt(b, at);
  }

  /** The item at a global index (0 <= index < size). */
  at(index: number): TaskRecord {
    while (index < this.hintStart) {
      this.hintBlock--;
      this.hintStart -= this.blocks[this.hintBlock]!.length;
    }
    while (index >= this.hintStart + this.blocks[this.hintBlock]!.length) {
      this.hintStart += this.blocks[this.hintBlock]!.length;
      this.hintBlock++;
    }
    return this.blocks[this.hintBlock]![index - this.hintStart]!;
  }

  /** Index of the first item not less than (time, seq). */
  lowerBound(time: number, seq = 0): number {
    const b = this.blockFor(time, seq);
    let before = 0;
    for (let i = 0; i < b; i++) before += this.blocks[i]!.length;
    return b === this.blocks.length ? before : before + lowerBoundIn(this.blocks[b]!, this.key, time, seq);
  }

  *[Symbol.iterator](): Iterator<TaskRecord> {
    for (const block of this.blocks) yield* block;
  }

  /** The first block whose last item is not less than (time, seq); blocks.length if none. */
  private blockFor(time: number, seq: number): number {
    let lo = 0;
    let hi = this.blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const block = this.blocks[mid]!;
      const last = block[block.length - 1]!;
      const t = timeOf(last, this.key);
      if (t < time || (t === time && last.seq < seq)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Whether `item` sorts before (time, seq). */
  private before(item: TaskRecord, time: number, seq: number): boolean {
    const t = timeOf(item, this.key);
    return t < time || (t === time && item.seq < seq);
  }

  private removeAt(b: number, at: number): void {
    const block = this.blocks[b]!;
    // shift() moves the array's start instead of its items where V8 can.
    if (at === 0) block.shift();
    else block.splice(at, 1);
    if (block.length === 0) this.blocks.splice(b, 1);
    this.count--;
    this.resetHint();
  }

  private resetHint(): void {
    this.hintBlock = 0;
    this.hintStart = 0;
  }
}

/** Index of the first item of a sorted block not less than (time, seq). */
function lowerBoundIn(items: TaskRecord[], key: SortKey, time: number, seq: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const item = items[mid]!;
    const t = timeOf(item, key);
    if (t < time || (t === time && item.seq < seq)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function compareBy(key: SortKey, a: TaskRecord, b: TaskRecord): number {
  return timeOf(a, key) - timeOf(b, key) || a.seq - b.seq;
}

/**
 * The task's time by `key`, read by name: `task[key]` with a key that varies made V8's property
 * lookup megamorphic, a hash probe on every comparison (seen in perf, bench/NOTES.md).
 */
function timeOf(task: TaskRecord, key: SortKey): number {
  return key === 'createdAt' ? task.createdAt : task.updatedAt;
}
