import type { Random } from './random.js';

export interface IdSource {
  /** A UUID (version 4 layout) for tasks and sessions. */
  uuid(): string;
  /** GitHub's request id shape: five colon-separated upper-case hex fields. */
  requestId(): string;
  /** A positive integer id (pull requests), increasing so ids never collide. */
  serial(): number;
}

const LOWER = '0123456789abcdef';
const UPPER = '0123456789ABCDEF';
const UUID_LAYOUT = 'xxxxxxxx-xxxx-4xxx-vxxx-xxxxxxxxxxxx';
const REQUEST_ID_LAYOUT = 'xxxx:xxxxx:xxxxxx:xxxxxxx:xxxxxxxx';

export function createIdSource(random: Random, after?: number): IdSource {
  // Eight hex digits from each 32-bit draw: an id took one draw per digit, which showed in every
  // request's profile (the request id).
  const fill = (layout: string, digits: string, variant?: string) => {
    // Filled into an array and joined: one flat string, where concatenating pieces would leave V8
    // holding a tree of them for the id's whole life (support/flat-string.ts).
    const chars = new Array<string>(layout.length);
    let word = 0;
    let left = 0;
    for (let i = 0; i < layout.length; i++) {
      const c = layout[i]!;
      if (c !== 'x') {
        chars[i] = c === 'v' ? variant! : c;
        continue;
      }
      if (left === 0) {
        word = Math.floor(random.next() * 0x1_0000_0000);
        left = 8;
      }
      chars[i] = digits[word & 15]!;
      word >>>= 4;
      left--;
    }
    return chars.join('');
  };
  let serial = Math.max(2_000_000_000, after ?? 0);
  return {
    uuid() {
      const variant = (8 + Math.floor(random.next() * 4)).toString(16);
      return fill(UUID_LAYOUT, LOWER, variant);
    },
    requestId: () => fill(REQUEST_ID_LAYOUT, UPPER),
    serial: () => ++serial,
  };
}
