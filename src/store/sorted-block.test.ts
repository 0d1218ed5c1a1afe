import { describe, expect, it } from 'vitest';
import type { TaskRecord } from '../model/task-record.js';
import { createRandom } from '../support/random.js';
import { SortedBlock } from './sorted-block.js';

const record = (seq: number) => ({ id: `t${seq}`, seq, updatedAt: seq, createdAt: seq }) as TaskRecord;

describe('sorted block', () => {
  it('agrees with a plain array through inserts, removes and splits at any position', () => {
    const random = createRandom(11);
    let block = new SortedBlock(8);
    let model: TaskRecord[] = [];
    for (let i = 1; i <= 5_000; i++) {
      const roll = random.next();
      if (model.length > 0 && (roll < 0.45 || block.full)) {
        // The front, the back and anywhere between, so both sides of the block are moved.
        const at = roll < 0.15 ? 0 : roll < 0.3 ? model.length - 1 : random.int(0, model.length - 1);
        block.removeAt(at);
        model.splice(at, 1);
      } else if (roll < 0.5 && model.length > 1) {
        const at = random.int(0, model.length - 1);
        const tail = block.splitAt(at);
        expect([...tail]).toEqual(model.slice(at));
        model = model.slice(0, at);
        if (random.next() < 0.5) {
          block = tail;
          model = [...tail];
        }
      } else {
        const at = random.int(0, model.length);
        const t = record(i);
        block.insertAt(at, t);
        model.splice(at, 0, t);
      }
      expect(block.length).toBe(model.length);
      expect(block.full).toBe(model.length === 8);
      expect([...block]).toEqual(model);
      for (let k = 0; k < model.length; k++) expect(block.at(k)).toBe(model[k]);
      if (model.length > 0) {
        expect(block.first()).toBe(model[0]);
        expect(block.last()).toBe(model[model.length - 1]);
        const probe = random.pick(model);
        expect(block.indexOf(probe)).toBe(model.indexOf(probe));
      }
      expect(block.indexOf(record(-1))).toBe(-1);
    }
  });

  it('finds lower bounds by time, then by seq', () => {
    const block = new SortedBlock(8);
    const tasks = [
      { seq: 1, createdAt: 10 },
      { seq: 2, createdAt: 10 },
      { seq: 3, createdAt: 20 },
    ] as TaskRecord[];
    tasks.forEach((t, i) => block.insertAt(i, t));
    block.removeAt(0);
    expect(block.lowerBound('createdAt', 10, 0)).toBe(0);
    expect(block.lowerBound('createdAt', 10, 3)).toBe(1);
    expect(block.lowerBound('createdAt', 15, 0)).toBe(1);
    expect(block.lowerBound('createdAt', 25, 0)).toBe(2);
  });
});
