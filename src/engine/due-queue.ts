/** An entry: a task whose step `step` falls due at `at`. */
export interface Due {
  at: number;
  taskId: string;
  step: number;
  seq: number;
}

/**
 * A binary min-heap of due steps ordered by (at, seq), so settling pops only what fell due and
 * equal times keep their scheduling order. Stale entries (the task moved on) are skipped by the
 * caller, which is cheaper than deleting from the middle.
 */
export class DueQueue {
  private readonly heap: Due[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(at: number, taskId: string, step: number): void {
    const heap = this.heap;
    heap.push({ at, taskId, step, seq: this.seq++ });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!less(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  /** The earliest entry if it is due at or before `now`, removed from the queue. */
  popDue(now: number): Due | undefined {
    const heap = this.heap;
    if (heap.length === 0 || heap[0]!.at > now) return undefined;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && less(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && less(heap[r]!, heap[m]!)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m]!, heap[i]!];
        i = m;
      }
    }
    return top;
  }

  clear(): void {
    this.heap.length = 0;
  }
}

function less(a: Due, b: Due): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
