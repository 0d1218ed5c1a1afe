// What tasks leave in their repositories: pull requests and branches, as the emulator keeps them.
// Times are epoch milliseconds from the tenant clock; http/ presents them in GitHub's shapes.

export interface PullRequestRecord {
  /** Equal to the task artifact's data.id. */
  id: number;
  /** Equal to the task artifact's data.global_id. */
  nodeId: string;
  /** From the repository's own sequence, starting at 1. */
  number: number;
  repositoryId: number;
  title: string;
  body: string;
  headRef: string;
  headSha: string;
  baseRef: string;
  baseSha: string;
  state: 'open' | 'closed';
  draft: boolean;
  merged: boolean;
  createdAt: number;
  updatedAt: number;
  closedAt: number | null;
  mergedAt: number | null;
  mergeCommitSha: string | null;
  /** Who merged it (control API); null while unmerged. */
  mergedById: number | null;
  /** The task that opened it (a later task on the same branch works on it too). */
  taskId: string;
  /** Asked to review once the agent finished: the person who started the task. */
  /** Replaced, never changed in place: fixture pull requests share one array per reviewer. */
  reviewerIds: readonly number[];
}

export interface BranchRecord {
  repositoryId: number;
  name: string;
  /** The branch's head commit. */
  sha: string;
  updatedAt: number;
}

/** A repository's work as saved (persistence) and restored. */
export interface WorkSnapshot {
  pulls: PullRequestRecord[];
  branches: BranchRecord[];
}
