/**
 * A fixed number of slots, each holding a few strings as UTF-8 bytes in one shared buffer, for a
 * ring that keeps the strings of its last N requests. Kept as strings, each lived long enough to be
 * copied by the young-generation collector, promoted to the old generation and swept there: a
 * create's journal strings were about 140 of the 740 bytes it promoted (bench/NOTES.md, seventh
 * round). Bytes in a buffer are neither copied nor traced.
 *
 * Strings that do not fit a slot together, or that UTF-8 cannot carry (a lone surrogate), are
 * kept as they are, for that slot only.
 */
export class TextSlots {
  // Allocated on the first write, so a tenant nobody calls costs nothing.
  private bytes: Buffer | undefined;
  // Byte length of each field of each slot.
  private readonly lengths: Uint16Array;
  private readonly oversized = new Map<number, string[]>();

  constructor(
    readonly slots: number,
    readonly fields: number,
    readonly slotBytes = 256,
  ) {
    this.lengths = new Uint16Array(slots * fields);
  }

  /** Keeps `texts` (one per field) in `slot`, replacing what it held. */
  write(slot: number, texts: readonly string[]): void {
    if (this.oversized.size > 0) this.oversized.delete(slot);
    const bytes = (this.bytes ??= Buffer.allocUnsafeSlow(this.slots * this.slotBytes));
    const base = slot * this.slotBytes;
    let used = 0;
    for (let f = 0; f < this.fields; f++) {
      const text = texts[f] ?? '';
      const room = this.slotBytes - used;
      // UTF-8 takes at most three bytes per UTF-16 unit, so only a long text needs counting.
      if ((text.length * 3 > room && Buffer.byteLength(text, 'utf8') > room) || !isWellFormed(text)) {
        this.oversized.set(slot, texts.slice(0, this.fields));
        return;
      }
      const written = text.length === 0 ? 0 : bytes.write(text, base + used, room, 'utf8');
      this.lengths[slot * this.fields + f] = written;
      used += written;
    }
  }

  /** The texts last written to `slot`. */
  read(slot: number): string[] {
    const kept = this.oversized.get(slot);
    if (kept) return [...kept];
    const texts: string[] = [];
    let at = slot * this.slotBytes;
    for (let f = 0; f < this.fields; f++) {
      const length = this.lengths[slot * this.fields + f]!;
      texts.push(length === 0 || !this.bytes ? '' : this.bytes.toString('utf8', at, at + length));
      at += length;
    }
    return texts;
  }

  clear(): void {
    this.oversized.clear();
    this.lengths.fill(0);
  }
}

// ES2024's String.prototype.isWellFormed, which Node 20 has and the ES2023 library does not type.
const isWellFormed = (text: string): boolean => (text as string & { isWellFormed(): boolean }).isWellFormed();
