import { describe, expect, it } from 'vitest';
import type { TaskRecord } from '../model/task-record.js';
import { createRandom } from '../support/random.js';
import { SortedBucket, compareBy } from './sorted-bucket.js';

const record = (seq: number, updatedAt: number) => ({ id: `t${seq}`, seq, updatedAt, createdAt: 0 }) as TaskRecord;

describe('sorted bucket', () => {
  it('keeps (time, seq) order through inserts and removes anywhere, across many small blocks', () => {
    const random = createRandom(3);
    const bucket = new SortedBucket('updatedAt', 4);
    let model: TaskRecord[] = [];
    for (let i = 1; i <= 2_000; i++) {
      if (model.length > 0 && random.next() < 0.4) {
        // Mostly the oldest, as tasks moving on leave their bucket; sometimes anywhere.
        const victim = random.next() < 0.7 ? model[0]! : random.pick(model);
        bucket.remove(victim);
        model = model.filter((t) => t !== victim);
      } else {
        const t = record(i, random.int(0, 300));
        bucket.insert(t);
        model.push(t);
        model.sort((a, b) => compareBy('updatedAt', a, b));
      }
      if (i % 97 === 0) {
        expect(bucket.size).toBe(model.length);
        expect([...bucket]).toEqual(model);
        // Reading by index both ways, and lower bounds, agree with the plain sorted array.
        for (let k = model.length - 1; k >= 0; k--) expect(bucket.at(k)).toBe(model[k]);
        for (let k = 0; k < model.length; k++) expect(bucket.at(k)).toBe(model[k]);
        const time = random.int(0, 300);
        expect(bucket.lowerBound(time)).toBe(model.findIndex((t) => t.updatedAt >= time) === -1 ? model.length : model.findIndex((t) => t.updatedAt >= time));
      }
    }
  });

  it('keeps its order as tasks leave oldest first behind tasks that never leave', () => {
    const random = createRandom(5);
    const bucket = new SortedBucket('updatedAt', 4);
    // Fixtures at the front, as the seeded tasks of a state sit before every task moving through it.
    const staying = [1, 2, 3, 4, 5, 6].map((seq) => record(seq, 0));
    staying.forEach((t) => bucket.insert(t));
    const moving: TaskRecord[] = [];
    for (let i = 7; i <= 3_000; i++) {
      if (moving.length > 0 && random.next() < 0.45) bucket.remove(moving.shift()!);
      else {
        const t = record(i, i);
        bucket.insert(t);
        moving.push(t);
      }
      if (i % 101 === 0) expect([...bucket]).toEqual([...staying, ...moving]);
    }
    while (moving.length > 0) bucket.remove(moving.shift()!);
    expect([...bucket]).toEqual(staying);
  });

  it('ignores removing a task it does not hold', () => {
    const bucket = new SortedBucket('updatedAt', 4);
    bucket.insert(record(1, 5));
    bucket.remove(record(2, 5));
    expect(bucket.size).toBe(1);
  });
});
