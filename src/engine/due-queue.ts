/**
 * A binary min-heap of due steps ordered by (at, scheduling order), so settling pops only what
 * fell due and equal times keep their scheduling order. Stale entries (the task moved on) are
 * skipped by the caller, which is cheaper than deleting from the middle. `T` is what names the
 * task: the engine keeps the record itself. The keys live in typed arrays beside the tasks
 * (docs/performance.md says what that buys).
 */
export class DueQueue<T = string> {
  private ats = new Float64Array(1024);
  // Scheduling order, the tie-break: a double counts further than any tenant will schedule.
  private seqs = new Float64Array(1024);
  private steps = new Int32Array(1024);
  private tasks: T[] = [];
  private count = 0;
  private nextSeq = 0;

  get size(): number {
    return this.count;
  }

  push(at: number, task: T, step: number): void {
    if (this.count === this.ats.length) this.grow();
    const seq = this.nextSeq++;
    let i = this.count++;
    // Sift up: parents later than the new entry move down into the hole.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(at, seq, parent)) break;
      this.moveTo(i, parent);
      i = parent;
    }
    this.put(i, at, seq, task, step);
  }

  /**
   * Hands every entry due at or before `now` to `each`, earliest first, removing it first (so
   * `each` may push new entries, which are handed on too if they are already due).
   */
  drainDue(now: number, each: (task: T, step: number, at: number) => void): void {
    while (this.count > 0 && this.ats[0]! <= now) {
      const at = this.ats[0]!;
      const task = this.tasks[0]!;
      const step = this.steps[0]!;
      this.removeTop();
      each(task, step, at);
    }
  }

  /** The earliest entry, left in place; with `drop`, entries `drop` says are stale are removed first. */
  peek(drop?: (task: T, step: number) => boolean): { at: number; task: T; step: number } | undefined {
    while (this.count > 0) {
      const task = this.tasks[0]!;
      const step = this.steps[0]!;
      if (!drop?.(task, step)) return { at: this.ats[0]!, task, step };
      this.removeTop();
    }
    return undefined;
  }

  clear(): void {
    this.count = 0;
    this.tasks.length = 0;
  }

  private removeTop(): void {
    const last = --this.count;
    const at = this.ats[last]!;
    const seq = this.seqs[last]!;
    const task = this.tasks[last]!;
    const step = this.steps[last]!;
    this.tasks.length = last;
    if (last === 0) return;
    // Sift down: the earlier child moves up into the hole until the last entry fits there.
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= last) break;
      const r = l + 1;
      const child = r < last && this.before(this.ats[r]!, this.seqs[r]!, l) ? r : l;
      if (this.before(at, seq, child)) break;
      this.moveTo(i, child);
      i = child;
    }
    this.put(i, at, seq, task, step);
  }

  /** Whether (at, seq) comes before the entry at index `j`. */
  private before(at: number, seq: number, j: number): boolean {
    const other = this.ats[j]!;
    return at < other || (at === other && seq < this.seqs[j]!);
  }

  private moveTo(to: number, from: number): void {
    this.ats[to] = this.ats[from]!;
    this.seqs[to] = this.seqs[from]!;
    this.steps[to] = this.steps[from]!;
    this.tasks[to] = this.tasks[from]!;
  }

  private put(i: number, at: number, seq: number, task: T, step: number): void {
    this.ats[i] = at;
    this.seqs[i] = seq;
    this.steps[i] = step;
    this.tasks[i] = task;
  }

  private grow(): void {
    const size = this.ats.length * 2;
    const ats = new Float64Array(size);
    const seqs = new Float64Array(size);
    const steps = new Int32Array(size);
    ats.set(this.ats);
    seqs.set(this.seqs);
    steps.set(this.steps);
    this.ats = ats;
    this.seqs = seqs;
    this.steps = steps;
  }
}
