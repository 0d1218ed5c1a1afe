import { describe, expect, it } from 'vitest';
import { generateTasks } from '../../fixtures/generate-tasks.js';
import { loadFixtures } from '../../fixtures/load-fixtures.js';
import { createRandom } from '../../support/random.js';
import { createIsoSeconds, isoSeconds, presentTask, presentTaskWithSessions } from './present-task.js';

describe('timestamps', () => {
  it('are UTC with second precision, as GitHub writes them', () => {
    expect(isoSeconds(Date.UTC(2026, 5, 21, 9, 14, 2, 999))).toBe('2026-06-21T09:14:02Z');
    expect(isoSeconds(0)).toBe('1970-01-01T00:00:00Z');
  });

  it('remembered per second, still agree with isoSeconds whichever way the times go', () => {
    const random = createRandom(5);
    const iso = createIsoSeconds();
    let t = Date.UTC(2026, 0, 1);
    for (let i = 0; i < 5_000; i++) {
      // Mostly the same second or the next, sometimes back (a clock set by hand), sometimes far.
      const roll = random.next();
      t += roll < 0.6 ? random.int(0, 400) : roll < 0.9 ? -random.int(0, 3_000) : random.int(0, 10 ** 9);
      expect(iso(t)).toBe(isoSeconds(t));
    }
  });
});

describe('task bodies', () => {
  it("a task with its sessions is the list item's fields in the same order, then its sessions", () => {
    const bases = { api: 'http://127.0.0.1:4010', web: 'https://github.com' };
    for (const task of generateTasks(loadFixtures().plan, 7, Date.UTC(2026, 10, 1)).slice(0, 50)) {
      const full = presentTaskWithSessions(task, bases);
      expect(Object.keys(full)).toEqual([...Object.keys(presentTask(task, bases)), 'sessions']);
      expect(full.sessions).toHaveLength(task.sessions.length);
    }
  });
});
