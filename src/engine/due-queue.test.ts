import { describe, expect, it } from 'vitest';
import { createRandom } from '../support/random.js';
import { DueQueue } from './due-queue.js';

interface Entry {
  at: number;
  taskId: string;
  step: number;
  order: number;
}

describe('due queue', () => {
  it('hands out what fell due in (time, scheduling order), through growth and pushes while draining', () => {
    const random = createRandom(11);
    const queue = new DueQueue();
    let model: Entry[] = [];
    let order = 0;
    const push = (at: number) => {
      const entry = { at, taskId: `t${order}`, step: random.int(0, 5), order: order++ };
      queue.push(entry.at, entry.taskId, entry.step);
      model.push(entry);
    };
    let now = 0;
    let total = 0;
    for (let round = 0; round < 400; round++) {
      // Many equal times, so the tie-break is exercised; over 1,024 entries, so the arrays grow.
      for (let k = random.int(0, 12); k > 0; k--) push(now + random.int(0, 40));
      now += random.int(0, 10);
      let handed = 0;
      queue.drainDue(now, (taskId, step, at) => {
        // The earliest entry of the model, at this moment, is the one handed out.
        const next = model.reduce((best, e) => (e.at < best.at || (e.at === best.at && e.order < best.order) ? e : best));
        expect({ at, taskId, step }).toEqual({ at: next.at, taskId: next.taskId, step: next.step });
        model = model.filter((e) => e !== next);
        handed++;
        // A step planned while settling that is already due is handed out in the same drain.
        if (random.next() < 0.1) push(now - random.int(0, 3));
      });
      // Nothing due is left behind.
      expect(model.every((e) => e.at > now)).toBe(true);
      total += handed;
      expect(queue.size).toBe(model.length);
    }
    expect(order).toBeGreaterThan(1_024);
    expect(total).toBeGreaterThan(1_000);
  });

  it('is empty after clear, and drains nothing', () => {
    const queue = new DueQueue();
    queue.push(5, 'a', 0);
    queue.clear();
    const seen: string[] = [];
    queue.drainDue(10, (id) => seen.push(id));
    expect(seen).toEqual([]);
    expect(queue.size).toBe(0);
  });
});
