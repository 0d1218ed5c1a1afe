import { describe, expect } from 'vitest';
import { contractTest } from './harness/contract-test.js';
import { expectValidationFailed } from './harness/expectations.js';
import { expectFiltered, getList, ids, listAll, stableTasks, timeOf, type TaskSummary } from './harness/lists.js';

const LIST_FOR_REPO = 'agent-tasks/list-tasks-for-repo';
const creatorsOf = (tasks: readonly TaskSummary[]) => [...new Set(tasks.map((t) => t.creator?.id).filter((id): id is number => id !== undefined))];

/** States by how many tasks are in them, most first. */
function statesByCount(tasks: readonly TaskSummary[]): string[] {
  const counts = new Map<string, number>();
  for (const t of tasks) counts.set(t.state, (counts.get(t.state) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([s]) => s);
}

describe('filters', () => {
  contractTest('state picks one state or a comma-separated list of states', { runsOn: 'both', behaviour: 'list.state-filter' }, async ({ api, skip }) => {
    const before = await listAll(api, api.tasksPath());
    const [first, second] = statesByCount(before);
    if (!first) return skip('the repository has no tasks');
    const one = await listAll(api, api.tasksPath(), { state: first });
    const both = second ? await listAll(api, api.tasksPath(), { state: `${first},${second}` }) : undefined;
    const stable = stableTasks(before, await listAll(api, api.tasksPath()));
    expectFiltered(one, stable, (t) => t.state === first, `state=${first}`);
    if (both) expectFiltered(both, stable, (t) => t.state === first || t.state === second, `state=${first},${second}`);
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
    expect(active.filter((t) => t.archived_at != null).map((t) => t.id), 'archived tasks in the default list').toEqual([]);
    expect(explicit.filter((t) => t.archived_at != null).map((t) => t.id), 'archived tasks with is_archived=false').toEqual([]);
    expect(archived.filter((t) => t.archived_at == null).map((t) => t.id), 'unarchived tasks with is_archived=true').toEqual([]);
    const stable = stableTasks(active, explicit);
    expectFiltered(explicit, stable, () => true, 'is_archived=false is the default');
    if (archived.length === 0) note('the repository has no archived tasks: only the default list was checked');
  });

  contractTest('is_archived other than true or false is a 422', { runsOn: 'both', behaviour: 'list.archived-invalid' }, async ({ api }) => {
    expectValidationFailed(await api.get(api.tasksPath(), { is_archived: 'yes' }), api.docsUrl(LIST_FOR_REPO), 'is_archived');
  });

  contractTest('since keeps tasks updated at or after the instant', { runsOn: 'both', behaviour: 'list.since-filter' }, async ({ api, skip }) => {
    const before = await listAll(api, api.tasksPath());
    const times = before.map((t) => t.updated_at).filter((u): u is string => typeof u === 'string').sort();
    const median = times[Math.floor(times.length / 2)];
    if (!median) return skip('the repository has no tasks with updated_at');
    const kept = await listAll(api, api.tasksPath(), { since: median });
    const stable = stableTasks(before, await listAll(api, api.tasksPath()));
    expectFiltered(kept, stable, (t) => timeOf(t.updated_at) >= timeOf(median), `since=${median}`);
  });

  contractTest('a since that is not an ISO 8601 timestamp is a 422', { runsOn: 'both', behaviour: 'list.since-invalid' }, async ({ api }) => {
    for (const since of ['yesterday', '2026-13-45T00:00:00Z', '2026-02-30', '2025-02-29T10:00:00Z', '2026-06-01T24:00:00Z', '2026-06-01T10:60:00Z']) {
      expectValidationFailed(await api.get(api.tasksPath(), { since }), api.docsUrl(LIST_FOR_REPO), 'since');
    }
  });

  contractTest('since accepts a date alone and a date-time without a zone (read as UTC)', { runsOn: 'both', behaviour: 'list.since-lenient' }, async ({ api }) => {
    const before = await listAll(api, api.tasksPath());
    const lists = [];
    for (const since of ['2000-01-01', '2000-01-01T00:00:00']) lists.push([since, await listAll(api, api.tasksPath(), { since })] as const);
    const stable = stableTasks(before, await listAll(api, api.tasksPath()));
    for (const [since, list] of lists) expectFiltered(list, stable, () => true, `since=${since}`);
  });

  contractTest('creator_id, repeated, keeps the tasks of those users', { runsOn: 'both', behaviour: 'list.creator-filter' }, async ({ api, skip }) => {
    const before = await listAll(api, api.tasksPath());
    const creators = creatorsOf(before);
    if (creators.length === 0) return skip('the repository has no tasks with a creator');
    const one = creators.slice(0, 1);
    // Id 1 exists on GitHub but starts no agent tasks: it must not widen the list.
    const several = [...creators.slice(0, 2), 1];
    const byOne = await listAll(api, api.tasksPath(), { creator_id: one });
    const bySeveral = await listAll(api, api.tasksPath(), { creator_id: several });
    const stable = stableTasks(before, await listAll(api, api.tasksPath()));
    expectFiltered(byOne, stable, (t) => one.includes(t.creator?.id ?? -1), `creator_id=${one}`);
    expectFiltered(bySeveral, stable, (t) => several.includes(t.creator?.id ?? -1), `creator_id=${several.join('&creator_id=')}`);
  });

  contractTest('creator_id also takes a comma-separated list', { runsOn: 'both', behaviour: 'list.creator-filter-comma' }, async ({ api, skip }) => {
    const before = await listAll(api, api.tasksPath());
    const wanted = [...creatorsOf(before).slice(0, 2), 1];
    if (wanted.length === 1) return skip('the repository has no tasks with a creator');
    const comma = await listAll(api, api.tasksPath(), { creator_id: wanted.join(',') });
    const stable = stableTasks(before, await listAll(api, api.tasksPath()));
    expectFiltered(comma, stable, (t) => wanted.includes(t.creator?.id ?? -1), `creator_id=${wanted.join(',')}`);
  });

  contractTest('a creator_id that is not a whole number of at most 15 digits is a 422', { runsOn: 'both', behaviour: 'list.creator-invalid' }, async ({ api }) => {
    for (const creator_id of ['octocat', '-1', '1.5', '9007199254740993']) {
      expectValidationFailed(await api.get(api.tasksPath(), { creator_id }), api.docsUrl(LIST_FOR_REPO), 'creator_id');
    }
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
      // Counted while nothing was started or archived: the counts before and after must agree.
      for (let attempt = 1; ; attempt++) {
        const active = await listAll(api, api.tasksPath());
        const archived = await listAll(api, api.tasksPath(), { is_archived: true });
        const first = active[0];
        if (!first) return skip('the repository has no tasks');
        const expected = { total_active_count: active.length, total_archived_count: archived.length };
        const filters = [{}, { is_archived: true }, { state: first.state }, { since: '2999-01-01T00:00:00Z' }, { creator_id: first.creator?.id ?? 1 }, { page: 2, per_page: 1 }];
        const seen = [];
        for (const query of filters) {
          const { body } = await getList(api, api.tasksPath(), query);
          seen.push([JSON.stringify(query), { total_active_count: body.total_active_count, total_archived_count: body.total_archived_count }] as const);
        }
        const again = { total_active_count: (await listAll(api, api.tasksPath())).length, total_archived_count: (await listAll(api, api.tasksPath(), { is_archived: true })).length };
        if (JSON.stringify(again) !== JSON.stringify(expected) && attempt < 3) continue;
        for (const [query, totals] of seen) expect(totals, query).toEqual(expected);
        return;
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
    if (own.length === 0) return skip('the token has no tasks of its own');
    expect(new Set(own.map((t) => t.creator?.id)).size, 'one creator in the own-task list').toBe(1);
    const me = own[0]!.creator?.id;
    const before = await listAll(api, api.tasksPath());
    const stable = stableTasks(before, await listAll(api, api.tasksPath()));
    const ownIds = new Set(ids(own));
    const missing = stable.filter((t) => t.creator?.id === me && !ownIds.has(t.id) && timeOf(t.created_at) <= timeOf(own[0]!.created_at));
    expect(missing.map((t) => t.id), "the caller's tasks in the repository that the own-task list lacks").toEqual([]);
  });
});
