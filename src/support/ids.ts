import { flatString } from './flat-string.js';
import type { Random } from './random.js';

export interface IdSource {
  /** A UUID (version 4 layout) for tasks and sessions. */
  uuid(): string;
  /** GitHub's request id shape: five colon-separated upper-case hex fields. */
  requestId(): string;
  /** A positive integer id (pull requests), increasing so ids never collide. */
  serial(): number;
}

export function createIdSource(random: Random, firstSerial = 2_000_000_000): IdSource {
  const hex = (digits: number) => {
    let s = '';
    for (let i = 0; i < digits; i++) s += Math.floor(random.next() * 16).toString(16);
    return s;
  };
  let serial = firstSerial;
  return {
    uuid() {
      const variant = (8 + Math.floor(random.next() * 4)).toString(16);
      return flatString(`${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`);
    },
    requestId: () => `${hex(4)}:${hex(5)}:${hex(6)}:${hex(7)}:${hex(8)}`.toUpperCase(),
    serial: () => ++serial,
  };
}
