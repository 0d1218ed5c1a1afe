import { Hono } from 'hono';
import { getBranch, getRepository } from '../../domain/work/repository-reads.js';
import type { ApiEnv } from '../shared/env.js';
import { createIsoSeconds } from '../shared/iso-seconds.js';
import { respondPresented } from '../shared/respond.js';
import { githubGet, presentedJson, selectedVersion, type RepositoryRouteOptions } from '../shared/github-operation.js';
import { presentBranch, presentBranchRef } from './present-branch.js';
import { presentFullRepository } from './present-repository.js';
import { repositoryFacts } from './repository-facts.js';
import { createFieldRemover, readVersionRemovals } from './versioned-body.js';

/** GET a repository, one of its branches, or a branch's ref. */
export function createRepoRoutes(options: RepositoryRouteOptions): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();
  const get = githubGet(routes, options);
  const iso = createIsoSeconds();
  const remove = createFieldRemover(readVersionRemovals(options.spec));
  const bases = (api: string) => ({ api, web: options.webBaseUrl });

  get('/repos/:owner/:repo', 'repos/get', (c) => {
    const world = c.get('world');
    const found = getRepository(world, c.get('caller'), c.req.param('owner'), c.req.param('repo'));
    const body = presentFullRepository(found.repo, repositoryFacts(world, found.repo, iso), found.canPush, bases(c.get('apiBase')));
    return respondPresented(c, presentedJson(remove(selectedVersion(c), 'full-repository', body)));
  });

  // Branch names hold slashes (copilot/fix-x): sent as they are, or escaped as %2F by clients
  // such as octokit, which expand {branch} as one path segment.
  get('/repos/:owner/:repo/branches/:branch{.+}', 'repos/get-branch', (c) => {
    const found = getBranch(c.get('world'), c.get('caller'), c.req.param('owner'), c.req.param('repo'), c.req.param('branch'));
    return respondPresented(c, presentedJson(presentBranch(found.repo, found.branch, bases(c.get('apiBase')), iso)));
  });

  get('/repos/:owner/:repo/git/ref/:ref{.+}', 'git/get-ref', (c) => {
    const ref = c.req.param('ref');
    // Only branches are kept; tags and other refs are not there, as in a repository without them.
    const name = ref.startsWith('heads/') ? ref.slice('heads/'.length) : '';
    const found = getBranch(c.get('world'), c.get('caller'), c.req.param('owner'), c.req.param('repo'), name);
    return respondPresented(c, presentedJson(presentBranchRef(found.repo, found.branch, bases(c.get('apiBase')))));
  });

  return routes;
}
