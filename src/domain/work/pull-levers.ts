// What a reviewer does to a pull request on GitHub, for the control API (GitHub's own merge
// operation is not emulated): merge it, or close it without merging.
import type { Repository } from '../../model/directory.js';
import { DomainError, notFound } from '../errors.js';
import type { World } from '../world.js';
import type { PullRequestRecord } from '../../model/work-records.js';
import { commitSha } from './work-store.js';

/** Control API: merge an open pull request into its base branch. */
export function mergePull(world: World, repo: Repository, number: number, mergedById: number | null): PullRequestRecord {
  world.lifecycle.settle();
  const pull = world.work.pull(repo.id, number);
  if (!pull) throw notFound();
  if (pull.state !== 'open') throw new DomainError('conflict', `Pull request #${number} is ${pull.merged ? 'merged' : 'closed'} already`);
  const now = world.clock.now();
  const base = world.work.branch(repo.id, pull.baseRef);
  const sha = mergeShaOf(pull, base?.sha ?? pull.baseSha, now);
  world.work.putBranch({ repositoryId: repo.id, name: pull.baseRef, sha, updatedAt: now });
  return world.work.changePull(pull, (p) => {
    p.state = 'closed';
    p.merged = true;
    p.draft = false;
    p.mergedAt = now;
    p.closedAt = now;
    p.updatedAt = now;
    p.mergeCommitSha = sha;
    p.mergedById = mergedById;
  });
}

/** Control API: close an open pull request without merging it. */
export function closePull(world: World, repo: Repository, number: number): PullRequestRecord {
  world.lifecycle.settle();
  const pull = world.work.pull(repo.id, number);
  if (!pull) throw notFound();
  if (pull.state !== 'open') throw new DomainError('conflict', `Pull request #${number} is ${pull.merged ? 'merged' : 'closed'} already`);
  const now = world.clock.now();
  return world.work.changePull(pull, (p) => {
    p.state = 'closed';
    p.closedAt = now;
    p.updatedAt = now;
  });
}

function mergeShaOf(pull: PullRequestRecord, baseSha: string, at: number): string {
  return commitSha('merge', pull.id, pull.headSha, baseSha, at);
}
