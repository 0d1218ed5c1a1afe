import { createHash } from 'node:crypto';
import type { Directory } from '../directory.js';
import type { BranchRecord, PullRequestRecord, WorkSnapshot } from './work-records.js';

/** One tenant's pull requests and branches. Records are changed only through it, so every change is heard. */
export interface WorkStore {
  pull(repositoryId: number, number: number): PullRequestRecord | undefined;
  pullById(id: number): PullRequestRecord | undefined;
  /** The open pull request from `headRef` (into `baseRef` when given), if there is one. */
  openPullFor(repositoryId: number, headRef: string, baseRef?: string): PullRequestRecord | undefined;
  /** A repository's pull requests, by number ascending. */
  pulls(repositoryId: number): readonly PullRequestRecord[];
  branch(repositoryId: number, name: string): BranchRecord | undefined;
  /** Stores a new pull request under the repository's next number, or under `number` when given. */
  addPull(pull: Omit<PullRequestRecord, 'number'>, number?: number): PullRequestRecord;
  changePull(pull: PullRequestRecord, change: (pull: PullRequestRecord) => void): PullRequestRecord;
  putBranch(branch: BranchRecord): BranchRecord;
  snapshot(): WorkSnapshot;
}

export interface WorkStoreOptions {
  directory: Directory;
  /** Saved work to carry on from; without it every repository starts with its default branch only. */
  restore?: WorkSnapshot;
  /** When the default branches were made (epoch ms). */
  now: number;
  /** Hears every stored change (persistence). */
  onChange?: (change: { pull?: PullRequestRecord; branch?: BranchRecord }) => void;
}

/** A commit sha made from what identifies the commit: repeatable, and distinct for distinct inputs. */
export function commitSha(...parts: Array<string | number>): string {
  return createHash('sha1').update(parts.join('\u0000')).digest('hex');
}

export function createWorkStore(options: WorkStoreOptions): WorkStore {
  const byRepository = new Map<number, PullRequestRecord[]>();
  const byId = new Map<number, PullRequestRecord>();
  const byNumber = new Map<string, PullRequestRecord>();
  // Every pull request ever opened from a head branch (usually one), so finding a task's open pull
  // request does not walk a repository of 100,000 (bench/fixtures).
  const byHead = new Map<string, PullRequestRecord[]>();
  const numberKey = (repositoryId: number, number: number) => `${repositoryId}\u0000${number}`;
  const branches = new Map<string, BranchRecord>();
  const branchKey = (repositoryId: number, name: string) => `${repositoryId}\u0000${name}`;
  const heard = (change: { pull?: PullRequestRecord; branch?: BranchRecord }) => options.onChange?.(change);

  const insertPull = (pull: PullRequestRecord) => {
    let list = byRepository.get(pull.repositoryId);
    if (!list) byRepository.set(pull.repositoryId, (list = []));
    // Numbers mostly arrive in order; one that does not goes where it belongs (binary search).
    let at = list.length;
    if (at > 0 && list[at - 1]!.number > pull.number) {
      let lo = 0;
      while (lo < at) {
        const mid = (lo + at) >>> 1;
        if (list[mid]!.number < pull.number) lo = mid + 1;
        else at = mid;
      }
    }
    list.splice(at, 0, pull);
    byId.set(pull.id, pull);
    byNumber.set(numberKey(pull.repositoryId, pull.number), pull);
    const head = branchKey(pull.repositoryId, pull.headRef);
    const same = byHead.get(head);
    if (same) same.push(pull);
    else byHead.set(head, [pull]);
  };
  for (const repo of options.directory.repositoriesById.values()) {
    branches.set(branchKey(repo.id, repo.defaultBranch), { repositoryId: repo.id, name: repo.defaultBranch, sha: commitSha(repo.id, repo.defaultBranch), updatedAt: options.now });
  }
  for (const b of options.restore?.branches ?? []) branches.set(branchKey(b.repositoryId, b.name), { ...b });
  for (const p of options.restore?.pulls ?? []) insertPull({ ...p, reviewerIds: [...p.reviewerIds] });

  return {
    pull: (repositoryId, number) => byNumber.get(numberKey(repositoryId, number)),
    pullById: (id) => byId.get(id),
    openPullFor: (repositoryId, headRef, baseRef) =>
      byHead.get(branchKey(repositoryId, headRef))?.find((p) => p.state === 'open' && (baseRef === undefined || p.baseRef === baseRef)),
    pulls: (repositoryId) => byRepository.get(repositoryId) ?? [],
    branch: (repositoryId, name) => branches.get(branchKey(repositoryId, name)),
    addPull(input, number) {
      const list = byRepository.get(input.repositoryId);
      const pull: PullRequestRecord = { ...input, number: number ?? (list?.[list.length - 1]?.number ?? 0) + 1 };
      insertPull(pull);
      heard({ pull });
      return pull;
    },
    changePull(pull, change) {
      change(pull);
      heard({ pull });
      return pull;
    },
    putBranch(branch) {
      branches.set(branchKey(branch.repositoryId, branch.name), branch);
      heard({ branch });
      return branch;
    },
    snapshot: () => ({
      pulls: [...byRepository.values()].flat().map((p) => ({ ...p, reviewerIds: [...p.reviewerIds] })),
      branches: [...branches.values()].map((b) => ({ ...b })),
    }),
  };
}
