import type { TaskRecord } from '../model/task-record.js';
import { SortedBlock, timeOf, type SortKey } from './sorted-block.js';

export type { SortKey } from './sorted-block.js';

/** Items a block holds: a full one splits in two for a task sorting inside it. */
const DEFAULT_BLOCK_SIZE = 512;

/**
 * Tasks kept in ascending (time, seq) order so a page is read without sorting the whole set. Ties
 * go by insertion order (TaskRecord.seq), never by the random id, so a new task lands after every
 * task that shares its timestamp.
 *
 * The order lives in blocks of at most `blockSize` tasks rather than one array: a task moving on
 * (queued to in_progress) leaves its bucket at the old end, and removing from the front of one
 * 100,000-item array moved every other item, a fifth of a create's time under load
 * (docs/performance.md). A block moves at most half its items. A task sorting after every other
 * starts a new block when the last is full, so blocks fill up in the usual order of arrival rather
 * than split half empty. Reading by index walks the blocks, but remembers where it last was, so
 * reading neighbouring indexes (a page, either way) costs O(1) each.
 */
export class SortedBucket implements Iterable<TaskRecord> {
  private readonly blocks: SortedBlock[] = [];
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
    const b = this.blockFor(time, task.seq);
    if (b === blocks.length) {
      // Sorts after every task (a new one, or one just moved on): onto the last block, or a new
      // one when that is full, so blocks fill up in order of arrival rather than split half empty.
      if (b === 0 || blocks[b - 1]!.full) blocks.push(new SortedBlock(this.blockSize));
      const last = blocks[blocks.length - 1]!;
      last.insertAt(last.length, task);
    } else {
      let block = blocks[b]!;
      let at = block.lowerBound(this.key, time, task.seq);
      if (block.full) {
        const half = block.length >> 1;
        blocks.splice(b + 1, 0, block.splitAt(half));
        if (at > half) {
          block = blocks[b + 1]!;
          at -= half;
        }
      }
      block.insertAt(at, task);
    }
    this.count++;
    this.resetHint();
  }

  /** Call before the record's key changes: the position is found from the current values. */
  remove(task: TaskRecord): void {
    const b = this.blockFor(timeOf(task, this.key), task.seq);
    const at = this.blocks[b]?.indexOf(task) ?? -1;
    if (at >= 0) this.removeAt(b, at);
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
    return this.blocks[this.hintBlock]!.at(index - this.hintStart);
  }

  /** Index of the first item not less than (time, seq). */
  lowerBound(time: number, seq = 0): number {
    const b = this.blockFor(time, seq);
    let before = 0;
    for (let i = 0; i < b; i++) before += this.blocks[i]!.length;
    return b === this.blocks.length ? before : before + this.blocks[b]!.lowerBound(this.key, time, seq);
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
      if (this.before(this.blocks[mid]!.last(), time, seq)) lo = mid + 1;
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
    block.removeAt(at);
    if (block.length === 0) this.blocks.splice(b, 1);
    this.count--;
    this.resetHint();
  }

  private resetHint(): void {
    this.hintBlock = 0;
    this.hintStart = 0;
  }
}

export function compareBy(key: SortKey, a: TaskRecord, b: TaskRecord): number {
  return timeOf(a, key) - timeOf(b, key) || a.seq - b.seq;
}
