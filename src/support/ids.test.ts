import { describe, expect, it } from 'vitest';
import { createIdSource } from './ids.js';
import { createRandom } from './random.js';

describe('id source', () => {
  it('makes version-4 UUIDs and GitHub-shaped request ids, the same from the same seed', () => {
    const a = createIdSource(createRandom(5));
    const b = createIdSource(createRandom(5));
    for (let i = 0; i < 200; i++) {
      const uuid = a.uuid();
      expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(b.uuid()).toBe(uuid);
      const requestId = a.requestId();
      expect(requestId).toMatch(/^[0-9A-F]{4}:[0-9A-F]{5}:[0-9A-F]{6}:[0-9A-F]{7}:[0-9A-F]{8}$/);
      expect(b.requestId()).toBe(requestId);
    }
    expect(createIdSource(createRandom(6)).uuid()).not.toBe(createIdSource(createRandom(5)).uuid());
  });

  it('does not repeat over many draws, and uses every hex digit in every position', () => {
    const ids = createIdSource(createRandom(1));
    const seen = new Set<string>();
    const digitsAt = Array.from({ length: 36 }, () => new Set<string>());
    for (let i = 0; i < 20_000; i++) {
      const uuid = ids.uuid();
      seen.add(uuid);
      [...uuid].forEach((ch, at) => digitsAt[at]!.add(ch));
    }
    expect(seen.size).toBe(20_000);
    const random = [...'xxxxxxxx-xxxx-4xxx-vxxx-xxxxxxxxxxxx'].map((c, at) => (c === 'x' ? digitsAt[at]!.size : 16));
    expect(random.every((n) => n === 16)).toBe(true);
  });

  it('draws four-digit hex suffixes, the same from the same seed, every digit in every position', () => {
    const a = createIdSource(createRandom(9));
    const b = createIdSource(createRandom(9));
    const digitsAt = Array.from({ length: 4 }, () => new Set<string>());
    for (let i = 0; i < 2_000; i++) {
      const hex = a.shortHex();
      expect(hex).toMatch(/^[0-9a-f]{4}$/);
      expect(b.shortHex()).toBe(hex);
      [...hex].forEach((ch, at) => digitsAt[at]!.add(ch));
    }
    expect(digitsAt.every((d) => d.size === 16)).toBe(true);
  });

  it('counts serial ids up from after a given one', () => {
    const ids = createIdSource(createRandom(1), 2_000_000_041);
    expect([ids.serial(), ids.serial()]).toEqual([2_000_000_042, 2_000_000_043]);
    expect(createIdSource(createRandom(1)).serial()).toBe(2_000_000_001);
  });
});
