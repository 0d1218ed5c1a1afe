/** Where two texts written together went in a ByteBlocks store; -1 block when nowhere. */
export interface Place {
  block: number;
  /** The block's reuse count at the write: the place is gone once the block is reused. */
  generation: number;
  start: number;
  /** Where the second text starts. */
  split: number;
  end: number;
}

export const nowhere = (): Place => ({ block: -1, generation: 0, start: 0, split: 0, end: 0 });

/**
 * Bytes kept in blocks of a fixed size, made as they are needed up to `maxBlocks` and then
 * reused, oldest first. What the request journal keeps of each request's headers and bodies
 * lives here rather than in strings and objects on the heap: there it lived for a thousand
 * requests, long enough for the collector to copy and promote it, and cost a create more than
 * capture itself did (docs/performance.md). A write is a copy into memory already made.
 */
export class ByteBlocks {
  private blocks: Buffer[] = [];
  private generations: number[] = [];
  private current = -1;
  private at = 0;

  constructor(
    readonly blockSize: number,
    readonly maxBlocks: number,
  ) {}

  /**
   * Writes `first` then `second` (UTF-8) next to each other and records where in `place`; a pair
   * larger than a block is not kept (place.block -1). `copy` adds bytes after `second` as they are.
   */
  write(place: Place, first: string, second: string, copy?: Uint8Array): void {
    place.block = -1;
    if (this.maxBlocks <= 0) return;
    const copied = copy?.byteLength ?? 0;
    // Three bytes a UTF-16 unit at most: when that fits, the texts are written without first
    // being measured (each measure and each write is a call into Node's native code).
    const most = 3 * (first.length + second.length) + copied;
    const size = this.current >= 0 && most <= this.blockSize - this.at ? most : Buffer.byteLength(first) + Buffer.byteLength(second) + copied;
    if (size > this.blockSize) return;
    if (this.current < 0 || this.at + size > this.blockSize) this.nextBlock();
    const block = this.blocks[this.current]!;
    const start = this.at;
    const split = start + (first.length > 0 ? block.write(first, start) : 0);
    let end = split + (second.length > 0 ? block.write(second, split) : 0);
    if (copy) {
      block.set(copy, end);
      end += copied;
    }
    this.at = end;
    place.block = this.current;
    place.generation = this.generations[this.current]!;
    place.start = start;
    place.split = split;
    place.end = end;
  }

  /** The first text at `place`, or undefined once its block was reused. */
  first(place: Place): string | undefined {
    return this.holds(place) ? this.blocks[place.block]!.toString('utf8', place.start, place.split) : undefined;
  }

  /** The second text (and copied bytes) at `place`, or undefined once its block was reused. */
  second(place: Place): string | undefined {
    return this.holds(place) ? this.blocks[place.block]!.toString('utf8', place.split, place.end) : undefined;
  }

  holds(place: Place): boolean {
    return place.block >= 0 && place.block < this.blocks.length && this.generations[place.block] === place.generation;
  }

  /** Bytes the blocks take now. */
  get size(): number {
    return this.blocks.length * this.blockSize;
  }

  clear(): void {
    this.blocks = [];
    this.generations = [];
    this.current = -1;
    this.at = 0;
  }

  private nextBlock(): void {
    this.at = 0;
    if (this.blocks.length < this.maxBlocks) {
      this.blocks.push(Buffer.allocUnsafeSlow(this.blockSize));
      this.generations.push(0);
      this.current = this.blocks.length - 1;
      return;
    }
    // Every block is made: the oldest is the one after the current, round the ring.
    this.current = (this.current + 1) % this.blocks.length;
    this.generations[this.current]!++;
  }
}
