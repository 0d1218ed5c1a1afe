import { Hono, type Context } from 'hono';
import { findRepository } from '../../model/directory.js';
import { DomainError } from '../../domain/errors.js';
import { closePull, mergePull } from '../../domain/work/pull-levers.js';
import type { PullRequestRecord } from '../../model/work-records.js';
import type { ApiEnv } from '../shared/env.js';
import { DEFAULT_API_VERSION, MESSAGES } from '../shared/messages.js';
import { createIsoSeconds } from '../agent-tasks/present-task.js';
import { presentPull } from '../pulls/present-pull.js';
import { repositoryFacts } from '../repos/repository-facts.js';
import { createFieldRemover } from '../repos/versioned-body.js';
import { respondJson } from '../shared/respond.js';
import { controlError } from './control-kit.js';

/**
 * Levers a reviewer would pull on GitHub: merge or close a pull request a task opened, so clients
 * that wait for a merge can be tested. GitHub's own merge operation is not emulated (README). The
 * answer is the pull request as GET /repos/{owner}/{repo}/pulls/{pull_number} shows it (2022-11-28).
 */
export function createControlPullRoutes(webBaseUrl: string): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();
  const iso = createIsoSeconds();
  const keepAll = createFieldRemover({});
  const act = (c: Context<ApiEnv>, change: (repoId: number, number: number) => PullRequestRecord) => {
    const world = c.get('world');
    const repo = findRepository(world.directory, c.req.param('owner') ?? '', c.req.param('repo') ?? '');
    const raw = c.req.param('pull_number') ?? '';
    const number = Number(raw);
    if (!repo || !/^[0-9]{1,9}$/.test(raw)) return controlError(c, 404, MESSAGES.notFound);
    try {
      const pull = change(repo.id, number);
      const account = (id: number) => [...world.directory.accounts.values()].find((a) => a.id === id);
      const ctx = { repo, facts: repositoryFacts(world, repo, iso), bases: { api: c.get('apiBase'), web: webBaseUrl }, iso, version: DEFAULT_API_VERSION, remove: keepAll, account };
      return respondJson(c, 200, presentPull(pull, world.work.branch(repo.id, pull.headRef), ctx));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return error.code === 'not_found' ? controlError(c, 404, MESSAGES.notFound) : controlError(c, 409, error.message);
    }
  };
  const path = '/repos/:owner/:repo/pulls/:pull_number';
  routes.post(`${path}/merge`, (c) =>
    act(c, (repoId, number) => {
      const world = c.get('world');
      const repo = world.directory.repositoriesById.get(repoId)!;
      // Merged by the person the agent asked to review it, else the repository's owner.
      const reviewer = world.work.pull(repoId, number)?.reviewerIds[0];
      return mergePull(world, repo, number, reviewer ?? repo.owner.id);
    }),
  );
  routes.post(`${path}/close`, (c) => act(c, (repoId, number) => closePull(c.get('world'), c.get('world').directory.repositoriesById.get(repoId)!, number)));
  return routes;
}
