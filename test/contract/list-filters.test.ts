import { describe, expect } from 'vitest';
import { contractTest } from './harness/contract-test.js';
import { expectValidationFailed } from './harness/expectations.js';
import { getList, ids, listAll, timeOf, type TaskSummary } from './harness/lists.js';

const LIST_FOR_REPO = 'agent-tasks/list-tasks-for-repo';
const sorted = (values: readonly string[]) => [...values].sort();

/** States by how many tasks are in them, most first. */
function statesByCount(tasks: readonly TaskSummary[]): string[] {
  const counts = new Map<string, number>();
  for (const t of tasks) counts.set(t.state, (counts.get(t.state) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([s]) => s);
}

describe('filters', () => {
  contractTest('state picks one state or a comma-separated list of states', { runsOn: 'both', behaviour: 'list.state-filter' }, async ({ api, skip }) => {
    const all = await listAll(api, api.tasksPath());
    const [first, second] = statesByCount(all);
    if (!first) return skip('the repository has no tasks');
    const one = await listAll(api, api.tasksPath(), { state: first });
    expect(sorted(ids(one))).toEqual(sorted(ids(all.filter((t) => t.state === first))));
    if (!second) return;
    const two = await listAll(api, api.tasksPath(), { state: `${first},${second}` });
    expect(sorted(ids(two))).toEqual(sorted(ids(all.filter((t) => t.state === first || t.state === second))));
  });

  contractTest('an unknown state is a 422', { runsOn: 'both', behaviour: 'list.state-invalid' }, async ({ api }) => {
    for (const state of ['bogus', 'completed,bogus']) {
      expectValidationFailed(await api.get(api.tasksPath(), { state }), api.docsUrl(LIST_FOR_REPO), 'state');
    }
  });

  contractTest('is_archived: false (the default) hides archived tasks, true shows only them', { runsOn: 'both', behaviour: 'list.archived-filter' }, async ({ api, note }) => {
    const active = await listAll(api, api.tasksPath());
    const explicit = await listAll(api, api.tasksPath(), { is_archived: false });
    const archived = await listAll(api, api.tasksPath(), { is_archived: true });
    expect(sorted(ids(explicit))).toEqual(sorted(ids(active)));
    expect(active.filter((t) => t.archived_at != null), 'archived tasks in the default list').toEqual([]);
    expect(archived.filter((t) => t.archived_at == null), 'unarchived tasks in the archived list').toEqual([]);
    if (archived.length === 0) note('the repository has no archived tasks: only the default list was checked');
  });

  contractTest('is_archived other than true or false is a 422', { runsOn: 'both', behaviour: 'list.archived-invalid' }, async ({ api }) => {
    expectValidationFailed(await api.get(api.tasksPath(), { is_archived: 'yes' }), api.docsUrl(LIST_FOR_REPO), 'is_archived');
  });

  contractTest('since keeps tasks updated at or after the instant', { runsOn: 'both', behaviour: 'list.since-filter' }, async ({ api, skip }) => {
    const all = await listAll(api, api.tasksPath());
    const times = all.map((t) => t.updated_at).filter((u): u is string => typeof u === 'string').sort();
    const median = times[Math.floor(times.length / 2)];
    if (!median) return skip('the repository has no tasks with updated_at');
    const kept = await listAll(api, api.tasksPath(), { since: median });
    expect(sorted(ids(kept))).toEqual(sorted(ids(all.filter((t) => timeOf(t.updated_at) >= timeOf(median)))));
  });

  contractTest('a since that is not an ISO 8601 timestamp is a 422', { runsOn: 'both', behaviour: 'list.since-invalid' }, async ({ api }) => {
    for (const since of ['yesterday', '2026-13-45T00:00:00Z']) {
      expectValidationFailed(await api.get(api.tasksPath(), { since }), api.docsUrl(LIST_FOR_REPO), 'since');
    }
  });

  contractTest('since accepts a date alone and a date-time without a zone (read as UTC)', { runsOn: 'both', behaviour: 'list.since-lenient' }, async ({ api }) => {
    const everything = sorted(ids(await listAll(api, api.tasksPath())));
    for (const since of ['2000-01-01', '2000-01-01T00:00:00']) {
      expect(sorted(ids(await listAll(api, api.tasksPath(), { since }))), `since=${since}`).toEqual(everything);
    }
  });

  contractTest('creator_id, repeated, keeps the tasks of those users', { runsOn: 'both', behaviour: 'list.creator-filter' }, async ({ api, skip }) => {
    const all = await listAll(api, api.tasksPath());
    const creators = [...new Set(all.map((t) => t.creator?.id).filter((id): id is number => id !== undefined))];
    if (creators.length === 0) return skip('the repository has no tasks with a creator');
    const byCreators = (wanted: number[]) => sorted(ids(all.filter((t) => wanted.includes(t.creator?.id ?? -1))));
    const one = creators.slice(0, 1);
    expect(sorted(ids(await listAll(api, api.tasksPath(), { creator_id: one })))).toEqual(byCreators(one));
    // Id 1 exists on GitHub but creates no agent tasks; it must not widen the list.
    const several = [...creators.slice(0, 2), 1];
    expect(sorted(ids(await listAll(api, api.tasksPath(), { creator_id: several })))).toEqual(byCreators(several));
  });

  contractTest('creator_id also takes a comma-separated list', { runsOn: 'both', behaviour: 'list.creator-filter-comma' }, async ({ api, skip }) => {
    const all = await listAll(api, api.tasksPath());
    const creators = [...new Set(all.map((t) => t.creator?.id).filter((id): id is number => id !== undefined))].slice(0, 2);
    if (creators.length === 0) return skip('the repository has no tasks with a creator');
    const repeated = await listAll(api, api.tasksPath(), { creator_id: [...creators, 1] });
    const comma = await listAll(api, api.tasksPath(), { creator_id: [...creators, 1].join(',') });
    expect(sorted(ids(comma))).toEqual(sorted(ids(repeated)));
  });

  contractTest('a creator_id that is not a number is a 422', { runsOn: 'both', behaviour: 'list.creator-invalid' }, async ({ api }) => {
    expectValidationFailed(await api.get(api.tasksPath(), { creator_id: 'octocat' }), api.docsUrl(LIST_FOR_REPO), 'creator_id');
  });

  contractTest('sort and direction order the list; the default is updated_at, newest first', { runsOn: 'both', behaviour: 'list.sort' }, async ({ api }) => {
    const cases = [
      [{}, 'updated_at', -1],
      [{ direction: 'asc' }, 'updated_at', 1],
      [{ sort: 'created_at' }, 'created_at', -1],
      [{ sort: 'created_at', direction: 'asc' }, 'created_at', 1],
      [{ sort: 'updated_at', direction: 'desc' }, 'updated_at', -1],
    ] as const;
    for (const [query, field, sign] of cases) {
      const times = (await listAll(api, api.tasksPath(), query)).map((t) => timeOf(t[field]));
      const ordered = times.every((t, i) => i === 0 || Math.sign(t - times[i - 1]!) !== -sign);
      expect(ordered, `${JSON.stringify(query)} orders by ${field} ${sign > 0 ? 'ascending' : 'descending'}`).toBe(true);
    }
  });

  contractTest('an unknown sort or direction is a 422', { runsOn: 'both', behaviour: 'list.sort-invalid' }, async ({ api }) => {
    expectValidationFailed(await api.get(api.tasksPath(), { sort: 'name' }), api.docsUrl(LIST_FOR_REPO), 'sort');
    expectValidationFailed(await api.get(api.tasksPath(), { direction: 'up' }), api.docsUrl(LIST_FOR_REPO), 'direction');
  });

  contractTest(
    'total_active_count and total_archived_count count the whole repository, whatever the filters',
    { runsOn: 'both', behaviour: 'list.totals' },
    async ({ api, skip }) => {
      const active = await listAll(api, api.tasksPath());
      const archived = await listAll(api, api.tasksPath(), { is_archived: true });
      const first = active[0];
      if (!first) return skip('the repository has no tasks');
      const expected = { total_active_count: active.length, total_archived_count: archived.length };
      const filters = [{}, { is_archived: true }, { state: first.state }, { since: '2999-01-01T00:00:00Z' }, { creator_id: first.creator?.id ?? 1 }, { page: 2, per_page: 1 }];
      for (const query of filters) {
        const { body } = await getList(api, api.tasksPath(), query);
        expect({ total_active_count: body.total_active_count, total_archived_count: body.total_archived_count }, JSON.stringify(query)).toEqual(expected);
      }
    },
  );

  contractTest('list items carry no sessions', { runsOn: 'both', behaviour: 'list.items-without-sessions' }, async ({ api }) => {
    for (const path of [api.tasksPath(), '/agents/tasks']) {
      const { body } = await getList(api, path, { per_page: 100 });
      expect(body.tasks.filter((t) => 'sessions' in t), path).toEqual([]);
    }
  });

  contractTest("GET /agents/tasks lists the caller's own tasks, across repositories", { runsOn: 'both', behaviour: 'list.own-tasks' }, async ({ api, skip }) => {
    const own = await listAll(api, '/agents/tasks');
    const creators = new Set(own.map((t) => t.creator?.id));
    if (own.length === 0) return skip('the token has no tasks of its own');
    expect(creators.size, 'one creator in the own-task list').toBe(1);
    const me = own[0]!.creator?.id;
    const inRepo = (await listAll(api, api.tasksPath())).filter((t) => t.creator?.id === me);
    const ownIds = new Set(ids(own));
    expect(inRepo.filter((t) => !ownIds.has(t.id)), "the caller's tasks in the repository that the own-task list lacks").toEqual([]);
  });
});
