import { describe, expect } from 'vitest';
import { contractTest } from './harness/contract-test.js';
import { ids, listAll, timeOf, walkPages } from './harness/lists.js';

describe('walking a list', () => {
  contractTest(
    'following rel="next" page by page never repeats or skips a task',
    { runsOn: 'both', behaviour: 'list.walk-complete' },
    async ({ api, skip }) => {
      // Oldest first: tasks created during the walk (by anyone) join at the end, so pages that
      // were already read cannot shift. Tasks present before and after the walk must all be seen.
      const query = { sort: 'created_at', direction: 'asc' } as const;
      const before = new Set(ids(await listAll(api, api.tasksPath(), query)));
      if (before.size < 3) return skip(`needs at least 3 tasks to walk several pages; the repository has ${before.size}`);
      const pages = await walkPages(api, api.tasksPath(), { ...query, per_page: Math.max(1, Math.floor(before.size / 5)) });
      const after = new Set(ids(await listAll(api, api.tasksPath(), query)));

      const walked = pages.flatMap((p) => p.body.tasks);
      const seen = ids(walked);
      expect(pages.length, 'pages').toBeGreaterThanOrEqual(3);
      expect(seen.length - new Set(seen).size, 'tasks seen twice').toBe(0);
      const missing = [...before].filter((id) => after.has(id) && !seen.includes(id));
      expect(missing, 'tasks skipped').toEqual([]);
      const times = walked.map((t) => timeOf(t.created_at));
      expect(times.every((t, i) => i === 0 || t >= times[i - 1]!), 'created_at ascending across pages').toBe(true);
    },
  );
});
