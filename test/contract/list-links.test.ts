import { describe, expect } from 'vitest';
import { contractTest } from './harness/contract-test.js';
import { getList, listAll } from './harness/lists.js';
import { linksByRel } from './harness/link-header.js';

/**
 * The Link convention the agent-tasks description states for its lists: first always, prev from
 * page 2, next while more pages exist, last on the final page, per_page always written. GitHub's
 * general convention differs (docs/decisions/0002-link-header.md); running this test against
 * api.github.com confirms or refutes the description.
 */
function expectedRels(page: number, lastPage: number): Record<string, number> {
  const rels: Record<string, number> = { first: 1 };
  if (page > 1) rels.prev = page - 1;
  if (page < lastPage) rels.next = page + 1;
  if (page === lastPage) rels.last = lastPage;
  return rels;
}

function relPages(header: string | null, perPage: number): Record<string, number> {
  const pages: Record<string, number> = {};
  for (const [rel, url] of linksByRel(header)) {
    expect(url.searchParams.get('per_page'), `per_page in rel="${rel}" of ${header}`).toBe(String(perPage));
    pages[rel] = Number(url.searchParams.get('page'));
  }
  return pages;
}

describe('Link header', () => {
  contractTest('links point at the path that was requested', { runsOn: 'both', behaviour: 'list.link-same-path' }, async ({ api }) => {
    for (const path of [api.tasksPath(), '/agents/tasks']) {
      const { res } = await getList(api, path, { per_page: 1 });
      const links = linksByRel(res.headers.get('link'));
      expect(links.size, `a Link header on ${path}`).toBeGreaterThan(0);
      for (const [rel, url] of links) expect(url.pathname, `rel="${rel}"`).toBe(res.url.pathname);
    }
  });

  contractTest(
    'follows the description: first always, prev from page 2, next while more, last on the final page',
    { runsOn: 'both', behaviour: 'list.link-description-style' },
    async ({ api, skip }) => {
      const total = (await listAll(api, api.tasksPath())).length;
      if (total < 2) return skip(`needs at least 2 tasks for more than one page; the repository has ${total}`);
      // About three pages, whatever the repository holds.
      const perPage = Math.min(100, Math.max(1, Math.floor(total / 3)));
      const lastPage = Math.ceil(total / perPage);
      for (let page = 1; page <= lastPage + 1; page++) {
        const { res } = await getList(api, api.tasksPath(), { per_page: perPage, page, sort: 'created_at', direction: 'asc' });
        expect(relPages(res.headers.get('link'), perPage), `page ${page} of ${lastPage}`).toEqual(expectedRels(page, lastPage));
      }
    },
  );

  contractTest(
    'a list that fits on one page links to first and last, both page 1',
    { runsOn: 'both', behaviour: 'list.link-description-style' },
    async ({ api }) => {
      // Nothing was updated in the future, so this list is empty on every target.
      const { res, body } = await getList(api, api.tasksPath(), { since: '2999-01-01T00:00:00Z' });
      expect(body.tasks).toEqual([]);
      expect(relPages(res.headers.get('link'), 30)).toEqual({ first: 1, last: 1 });
    },
  );

  contractTest("links repeat the caller's filters", { runsOn: 'both', behaviour: 'list.link-keeps-query' }, async ({ api, skip }) => {
    const all = await listAll(api, api.tasksPath());
    const creators = [...new Set(all.map((t) => t.creator?.id).filter((id): id is number => id !== undefined))];
    if (all.length < 2 || creators.length === 0) return skip('needs at least 2 tasks with a creator');
    const { res } = await getList(api, api.tasksPath(), {
      per_page: 1,
      page: 2,
      sort: 'created_at',
      direction: 'asc',
      since: '2000-01-01T00:00:00Z',
      creator_id: [...creators, 1],
    });
    const sent = res.url.searchParams;
    const withoutPaging = (params: URLSearchParams) => [...params].filter(([k]) => k !== 'page' && k !== 'per_page').sort(compareEntries);
    const links = linksByRel(res.headers.get('link'));
    expect([...links.keys()].sort()).toContain('first');
    for (const [rel, url] of links) expect(withoutPaging(url.searchParams), `rel="${rel}"`).toEqual(withoutPaging(sent));
  });
});

function compareEntries(a: [string, string], b: [string, string]): number {
  return a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]);
}
