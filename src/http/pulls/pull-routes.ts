import { Hono, type Context } from 'hono';
import { getPull, listPulls } from '../../domain/work/repository-reads.js';
import type { Account, Directory, Repository } from '../../model/directory.js';
import type { World } from '../../domain/world.js';
import type { ApiEnv } from '../shared/env.js';
import { originOf } from '../shared/tenant-path.js';
import { buildLinkHeader } from '../shared/link-header.js';
import { MESSAGES } from '../shared/messages.js';
import { createIsoSeconds } from '../shared/iso-seconds.js';
import { respondError, respondPresented } from '../shared/respond.js';
import { githubGet, presentedJson, selectedVersion, type RepositoryRouteOptions } from '../shared/github-operation.js';
import { repositoryFacts } from '../repos/repository-facts.js';
import { createFieldRemover, readVersionRemovals } from '../repos/versioned-body.js';
import { presentPull, presentPullSimple, type PullContext } from './present-pull.js';
import { parsePullListQuery } from './pull-list-query.js';

/** GET /repos/{owner}/{repo}/pulls and /pulls/{pull_number}: the pull requests tasks opened. */
export function createPullRoutes(options: RepositoryRouteOptions): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();
  const get = githubGet(routes, options);
  const iso = createIsoSeconds();
  const remove = createFieldRemover(readVersionRemovals(options.spec));
  const contextOf = (c: Context<ApiEnv>, world: World, repo: Repository): PullContext => ({
    repo,
    facts: repositoryFacts(world, repo, iso),
    bases: { api: c.get('apiBase'), web: options.webBaseUrl },
    iso,
    version: selectedVersion(c),
    remove,
    account: (id) => accountById(world.directory, id),
  });

  get('/repos/:owner/:repo/pulls', 'pulls/list', (c) => {
    const url = c.req.url;
    const q = url.indexOf('?');
    const search = new URLSearchParams(q === -1 ? '' : url.slice(q + 1));
    const parsed = parsePullListQuery(search);
    if ('problems' in parsed) return respondError(c, 422, MESSAGES.validationFailed, undefined, parsed.problems);
    const world = c.get('world');
    const page = listPulls(world, c.get('caller'), c.req.param('owner'), c.req.param('repo'), parsed.query);
    const ctx = contextOf(c, world, page.repo);
    const body = page.items.map((p) => presentPullSimple(p, ctx));
    // Pull requests follow GitHub's general Link convention, whatever --link-style says for tasks.
    const link = buildLinkHeader({
      base: `${options.publicBaseUrl ?? originOf(url)}${c.req.path}`,
      query: search,
      page: parsed.page,
      perPage: parsed.perPage,
      matched: page.matched,
      style: 'github',
    });
    return respondPresented(c, presentedJson(body), link ? { link } : {});
  });

  get('/repos/:owner/:repo/pulls/:pull_number{[0-9]+}', 'pulls/get', (c) => {
    const world = c.get('world');
    const number = Number(c.req.param('pull_number'));
    const found = getPull(world, c.get('caller'), c.req.param('owner'), c.req.param('repo'), number);
    return respondPresented(c, presentedJson(presentPull(found.pull, found.head, contextOf(c, world, found.repo))));
  });

  return routes;
}

function accountById(directory: Directory, id: number): Account | undefined {
  for (const account of directory.accounts.values()) if (account.id === id) return account;
  return undefined;
}
