// The repository operations clients call around agent tasks, named after their operationIds:
// repos/get, pulls/list, pulls/get, repos/get-branch, git/get-ref, users/get-authenticated.
import { canAccessRepository, findRepository, tokenCoversRepository, usesRepositoryPermissions, type Repository } from '../../model/directory.js';
import { DomainError, notFound } from '../errors.js';
import type { Caller, World } from '../world.js';
import type { BranchRecord, PullRequestRecord } from '../../model/work-records.js';

export type PullState = 'open' | 'closed' | 'all';
export type PullSort = 'created' | 'updated' | 'popularity' | 'long-running';

export interface PullQuery {
  state: PullState;
  /** `owner:branch`, already split; undefined = any head. */
  head?: { owner: string; ref: string };
  base?: string;
  sort: PullSort;
  direction: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export interface PullPage {
  repo: Repository;
  items: PullRequestRecord[];
  matched: number;
}

/**
 * The repository, if the caller may see it: a public one to every token, a private one to its
 * owner, collaborators and organisation members, and to a fine-grained token only if granted.
 * Otherwise 404, as GitHub hides what the caller cannot see. The lifecycle is brought up to date
 * first, so the work of tasks due by now is there.
 */
export function resolveVisibleRepository(world: World, caller: Caller, owner: string, name: string): Repository {
  const repo = findRepository(world.directory, owner, name);
  if (!repo) throw notFound();
  const granted = !usesRepositoryPermissions(caller.token) || tokenCoversRepository(caller.token, repo.id);
  if (repo.private && (caller.token.kind === 'installation' || !canAccessRepository(caller.user, repo) || !granted)) throw notFound();
  world.lifecycle.settle();
  return repo;
}

const byCreated = (a: PullRequestRecord, b: PullRequestRecord) => a.createdAt - b.createdAt || a.number - b.number;
const byUpdated = (a: PullRequestRecord, b: PullRequestRecord) => a.updatedAt - b.updatedAt || a.number - b.number;

export function listPulls(world: World, caller: Caller, owner: string, name: string, query: PullQuery): PullPage {
  const repo = resolveVisibleRepository(world, caller, owner, name);
  const headOwner = query.head?.owner.toLowerCase();
  const matching = world.work.pulls(repo.id).filter(
    (p) =>
      (query.state === 'all' || p.state === query.state) &&
      (query.head === undefined || (headOwner === repo.owner.login.toLowerCase() && p.headRef === query.head.ref)) &&
      (query.base === undefined || p.baseRef === query.base),
  );
  // popularity counts comments (none here) and long-running is age; both fall back to creation.
  const compare = query.sort === 'updated' ? byUpdated : byCreated;
  const sign = (query.sort === 'long-running' ? -1 : 1) * (query.direction === 'asc' ? 1 : -1);
  matching.sort((a, b) => sign * compare(a, b));
  return { repo, items: matching.slice(query.offset, query.offset + query.limit), matched: matching.length };
}

export function getPull(world: World, caller: Caller, owner: string, name: string, number: number): { repo: Repository; pull: PullRequestRecord; head?: BranchRecord } {
  const repo = resolveVisibleRepository(world, caller, owner, name);
  const pull = world.work.pull(repo.id, number);
  if (!pull) throw notFound();
  return { repo, pull, head: world.work.branch(repo.id, pull.headRef) };
}

export function getBranch(world: World, caller: Caller, owner: string, name: string, branch: string): { repo: Repository; branch: BranchRecord } {
  const repo = resolveVisibleRepository(world, caller, owner, name);
  const found = world.work.branch(repo.id, branch);
  if (!found) throw notFound();
  return { repo, branch: found };
}

export function getRepository(world: World, caller: Caller, owner: string, name: string): { repo: Repository; canPush: boolean } {
  const repo = resolveVisibleRepository(world, caller, owner, name);
  return { repo, canPush: caller.token.kind !== 'installation' && canAccessRepository(caller.user, repo) };
}

/** GET /user answers the token's own account; an installation token has none. */
export function getAuthenticatedUser(world: World, caller: Caller): { publicRepos: number; privateRepos: number } {
  if (caller.token.kind === 'installation') throw new DomainError('forbidden_integration', 'Resource not accessible by integration');
  let publicRepos = 0;
  let privateRepos = 0;
  for (const repo of world.directory.repositoriesById.values()) {
    if (repo.owner.id !== caller.user.id) continue;
    if (repo.private) privateRepos++;
    else publicRepos++;
  }
  return { publicRepos, privateRepos };
}
