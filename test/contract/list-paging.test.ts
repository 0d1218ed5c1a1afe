import { describe, expect } from 'vitest';
import { contractTest } from './harness/contract-test.js';
import { show } from './harness/expectations.js';
import { getList, ids, listAll } from './harness/lists.js';

// Both lists page the same way; the repository list is the one with data on every target.
describe('paging', () => {
  contractTest('per_page defaults to 30', { runsOn: 'both', behaviour: 'list.per-page-default' }, async ({ api, skip }) => {
    const all = await listAll(api, api.tasksPath());
    if (all.length <= 30) return skip(`needs more than 30 tasks to see the default; the repository has ${all.length}`);
    expect((await getList(api, api.tasksPath())).body.tasks).toHaveLength(30);
  });

  contractTest('per_page over 100 is served as 100', { runsOn: 'both', behaviour: 'list.per-page-clamped' }, async ({ api, skip }) => {
    const all = await listAll(api, api.tasksPath());
    if (all.length <= 30) return skip(`needs more than 30 tasks to tell 100 from the default; the repository has ${all.length}`);
    for (const perPage of [101, 500]) {
      const { body } = await getList(api, api.tasksPath(), { per_page: perPage });
      expect(body.tasks, `per_page=${perPage}`).toHaveLength(Math.min(100, all.length));
    }
  });

  contractTest(
    'per_page that is zero, negative, fractional or not a number falls back to 30',
    { runsOn: 'both', behaviour: 'list.per-page-invalid' },
    async ({ api, note }) => {
      const all = await listAll(api, api.tasksPath());
      if (all.length <= 30) note(`only ${all.length} tasks: the fallback's size cannot be told apart, only the 200`);
      for (const perPage of ['0', '-1', '2.5', 'abc', '']) {
        const res = await api.get(api.tasksPath(), { per_page: perPage });
        expect(res.status, show(res)).toBe(200);
        expect((res.json as { tasks: unknown[] }).tasks, `per_page=${perPage}`).toHaveLength(Math.min(30, all.length));
      }
    },
  );

  contractTest('page that is zero, negative or not a number is page 1', { runsOn: 'both', behaviour: 'list.page-invalid' }, async ({ api }) => {
    const query = { per_page: 3, sort: 'created_at', direction: 'asc' } as const;
    const first = ids((await getList(api, api.tasksPath(), query)).body.tasks);
    for (const page of ['0', '-1', 'abc']) {
      const res = await api.get(api.tasksPath(), { ...query, page });
      expect(res.status, show(res)).toBe(200);
      expect(ids((res.json as { tasks: [] }).tasks), `page=${page}`).toEqual(first);
    }
  });

  contractTest('a page past the end is an empty list, not an error', { runsOn: 'both', behaviour: 'list.page-past-end' }, async ({ api }) => {
    const all = await listAll(api, api.tasksPath());
    const perPage = 10;
    const beyond = Math.ceil(all.length / perPage) + 1;
    for (const page of [beyond, 100_000]) {
      const { body } = await getList(api, api.tasksPath(), { per_page: perPage, page });
      expect(body.tasks, `page=${page}`).toEqual([]);
    }
  });
});
