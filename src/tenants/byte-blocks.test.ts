import { describe, expect, it } from 'vitest';
import { ByteBlocks, nowhere } from './byte-blocks.js';

describe('byte blocks', () => {
  it('gives back both texts and copied bytes, makes blocks only as needed, and forgets a place once its block is reused', () => {
    const blocks = new ByteBlocks(16, 2);
    expect(blocks.size).toBe(0);
    const a = nowhere();
    blocks.write(a, 'héllo', 'wörld');
    expect([blocks.first(a), blocks.second(a), blocks.size]).toEqual(['héllo', 'wörld', 16]);
    const b = nowhere();
    blocks.write(b, 'abc', '', Buffer.from('xyz'));
    expect([blocks.first(b), blocks.second(b)]).toEqual(['abc', 'xyz']);
    // 'héllo' and 'wörld' took 12 bytes; 6 more do not fit, so a second block is made.
    expect(blocks.size).toBe(32);
    const c = nowhere();
    blocks.write(c, '0123456789A', '');
    // 11 more bytes fit in neither: the oldest block (holding a) is reused; b, in the second, stays.
    expect(blocks.size).toBe(32);
    expect([blocks.holds(a), blocks.holds(b), blocks.holds(c)]).toEqual([false, true, true]);
    expect(blocks.first(a)).toBeUndefined();
    expect(blocks.first(c)).toBe('0123456789A');
  });

  it('keeps nothing larger than a block, and nothing at all with no blocks', () => {
    const place = nowhere();
    new ByteBlocks(4, 3).write(place, 'too', 'long');
    expect(place.block).toBe(-1);
    new ByteBlocks(64, 0).write(place, 'a', 'b');
    expect(place.block).toBe(-1);
  });
});
