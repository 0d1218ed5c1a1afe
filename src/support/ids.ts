import type { Random } from './random.js';

export interface IdSource {
  /** A UUID (version 4 layout) for tasks and sessions. */
  uuid(): string;
  /** GitHub's request id shape: five colon-separated upper-case hex fields. */
  requestId(): string;
  /** Four lower-case hex digits (a branch name's suffix), from one draw. */
  shortHex(): string;
  /** A positive integer id (pull requests), increasing so ids never collide. */
  serial(): number;
}

const LOWER = '0123456789abcdef';
const UPPER = '0123456789ABCDEF';
const UUID_LAYOUT = 'xxxxxxxx-xxxx-4xxx-vxxx-xxxxxxxxxxxx';
const REQUEST_ID_LAYOUT = 'xxxx:xxxxx:xxxxxx:xxxxxxx:xxxxxxxx';
const SHORT_HEX_LAYOUT = 'xxxx';
const X = 'x'.charCodeAt(0);
const V = 'v'.charCodeAt(0);

export function createIdSource(random: Random, after?: number): IdSource {
  // Hex digits written into one buffer and read out as a string at once, eight from each 32-bit
  // draw: a create draws three or four ids (docs/performance.md).
  const bytes = Buffer.alloc(Math.max(UUID_LAYOUT.length, REQUEST_ID_LAYOUT.length));
  const fill = (layout: string, digits: string, variant: number) => {
    let word = 0;
    let left = 0;
    for (let i = 0; i < layout.length; i++) {
      const c = layout.charCodeAt(i);
      if (c !== X) {
        bytes[i] = c === V ? variant : c;
        continue;
      }
      if (left === 0) {
        word = Math.floor(random.next() * 0x1_0000_0000);
        left = 8;
      }
      bytes[i] = digits.charCodeAt(word & 15);
      word >>>= 4;
      left--;
    }
    return bytes.toString('latin1', 0, layout.length);
  };
  let serial = Math.max(2_000_000_000, after ?? 0);
  return {
    uuid() {
      const variant = LOWER.charCodeAt(8 + Math.floor(random.next() * 4));
      return fill(UUID_LAYOUT, LOWER, variant);
    },
    requestId: () => fill(REQUEST_ID_LAYOUT, UPPER, 0),
    shortHex: () => fill(SHORT_HEX_LAYOUT, LOWER, 0),
    serial: () => ++serial,
  };
}
