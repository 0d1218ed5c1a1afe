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
  const digit = (digits: string) => digits[Math.floor(random.next() * 16)]!;
  // Filled into an array and joined: one flat string, where concatenating pieces would leave V8
  // holding a tree of them for the id's whole life (support/flat-string.ts).
  const fill = (layout: string, digits: string, variant?: string) => {
    const chars = new Array<string>(layout.length);
    for (let i = 0; i < layout.length; i++) {
      const c = layout[i]!;
      chars[i] = c === 'x' ? digit(digits) : c === 'v' ? variant! : c;
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
