import { sha1Hex } from '../../support/sha1.js';
import type { Directory } from '../../model/directory.js';
import type { BranchRecord, PullRequestRecord, WorkSnapshot } from '../../model/work-records.js';

/** One tenant's pull requests and branches. Records are changed only through it, so every change is heard. */
export interface WorkStore {
  pull(repositoryId: number, number: number): PullRequestRecord | undefined;
  pullById(id: number): PullRequestRecord | undefined;
  /** Whether a pull request with this id is stored, without adding any repository's implied work. */
  knows(id: number): boolean;
  /** The open pull request from `headRef` (into `baseRef` when given), if there is one. */
  openPullFor(repositoryId: number, headRef: string, baseRef?: string): PullRequestRecord | undefined;
  /** A repository's pull requests, by number ascending. */
  pulls(repositoryId: number): readonly PullRequestRecord[];
  branch(repositoryId: number, name: string): BranchRecord | undefined;
  /** The number a new pull request in the repository gets: one more than its highest. */
  nextPullNumber(repositoryId: number): number;
  /** Stores a new pull request as it is (the record becomes the store's). */
  addPull(pull: PullRequestRecord): PullRequestRecord;
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
  /**
   * Hears every stored change (persistence), except what `backfill` derives, with how to undo it
   * (a change that could not be saved is undone).
   */
  onChange?: (change: { pull?: PullRequestRecord; branch?: BranchRecord }, undo: () => void) => void;
  /**
   * Adds what a repository's existing tasks imply (backfill-work.ts), the first time anything
   * reads or changes that repository's work: a tenant whose pull requests nobody asks for holds
   * none (100,000 fixture tasks would otherwise cost ~800 bytes each; bench/NOTES.md). What it
   * adds is derived from the tasks, so it is not reported to `onChange`.
   */
  backfill?: (store: WorkStore, repositoryId: number) => void;
}

/** A commit sha made from what identifies the commit: repeatable, and distinct for distinct inputs. */
export function commitSha(...parts: Array<string | number>): string {
  return sha1Hex(parts.join('\u0000'));
}

/** A repository's work: pull requests by number (ascending), branches and pull requests by head branch name. */
interface RepositoryWork {
  pulls: PullRequestRecord[];
  branches: Map<string, BranchRecord>;
  /** Pull requests ever opened from a head branch: one record, or several. */
  byHead: Map<string, PullRequestRecord | PullRequestRecord[]>;
}

export function createWorkStore(options: WorkStoreOptions): WorkStore {
  const repositories = new Map<number, RepositoryWork>();
  const byId = new Map<number, PullRequestRecord>();
  const backfilled = new Set<number>();
  let quiet = false;
  const heard = (change: { pull?: PullRequestRecord; branch?: BranchRecord }, undo: () => void) => {
    if (!quiet) options.onChange?.(change, undo);
  };

  const raw = (repositoryId: number): RepositoryWork => {
    let work = repositories.get(repositoryId);
    if (!work) repositories.set(repositoryId, (work = { pulls: [], branches: new Map(), byHead: new Map() }));
    return work;
  };
  /** The repository's work with what its tasks imply added, once. */
  const of = (repositoryId: number): RepositoryWork => {
    const work = raw(repositoryId);
    if (options.backfill && !backfilled.has(repositoryId)) {
      backfilled.add(repositoryId);
      const was = quiet;
      quiet = true;
      try {
        options.backfill(store, repositoryId);
      } finally {
        quiet = was;
      }
    }
    return work;
  };

  const removePull = (work: RepositoryWork, pull: PullRequestRecord) => {
    work.pulls.splice(work.pulls.indexOf(pull), 1);
    byId.delete(pull.id);
    const same = work.byHead.get(pull.headRef);
    const rest = Array.isArray(same) ? same.filter((p) => p !== pull) : [];
    if (rest.length === 0) work.byHead.delete(pull.headRef);
    else work.byHead.set(pull.headRef, rest.length === 1 ? rest[0]! : rest);
  };
  const insertPull = (work: RepositoryWork, pull: PullRequestRecord) => {
    const list = work.pulls;
    // Numbers mostly arrive in order; one that does not goes where it belongs (binary search).
    let at = list.length;
    if (at > 0 && list[at - 1]!.number > pull.number) at = indexOfNumber(list, pull.number);
    list.splice(at, 0, pull);
    byId.set(pull.id, pull);
    const same = work.byHead.get(pull.headRef);
    work.byHead.set(pull.headRef, same === undefined ? pull : Array.isArray(same) ? [...same, pull] : [same, pull]);
  };

  for (const repo of options.directory.repositoriesById.values()) {
    raw(repo.id).branches.set(repo.defaultBranch, { repositoryId: repo.id, name: repo.defaultBranch, sha: commitSha(repo.id, repo.defaultBranch), updatedAt: options.now });
  }
  for (const b of options.restore?.branches ?? []) raw(b.repositoryId).branches.set(b.name, { ...b });
  for (const p of options.restore?.pulls ?? []) insertPull(raw(p.repositoryId), { ...p, reviewerIds: [...p.reviewerIds] });

  const store: WorkStore = {
    pull(repositoryId, number) {
      const list = of(repositoryId).pulls;
      const at = indexOfNumber(list, number);
      return list[at]?.number === number ? list[at] : undefined;
    },
    pullById(id) {
      for (const repositoryId of options.directory.repositoriesById.keys()) of(repositoryId);
      return byId.get(id);
    },
    knows: (id) => byId.has(id),
    openPullFor(repositoryId, headRef, baseRef) {
      const found = of(repositoryId).byHead.get(headRef);
      const open = (p: PullRequestRecord) => p.state === 'open' && (baseRef === undefined || p.baseRef === baseRef);
      if (found === undefined) return undefined;
      return Array.isArray(found) ? found.find(open) : open(found) ? found : undefined;
    },
    pulls: (repositoryId) => of(repositoryId).pulls,
    branch: (repositoryId, name) => of(repositoryId).branches.get(name),
    nextPullNumber(repositoryId) {
      const pulls = of(repositoryId).pulls;
      return (pulls[pulls.length - 1]?.number ?? 0) + 1;
    },
    // Taken as given, not copied: a copy made with a spread was a tenth of a draft pull request's cost.
    addPull(pull) {
      const work = of(pull.repositoryId);
      insertPull(work, pull);
      heard({ pull }, () => removePull(work, pull));
      return pull;
    },
    changePull(pull, change) {
      const before = structuredClone(pull);
      change(pull);
      heard({ pull }, () => Object.assign(pull, before));
      return pull;
    },
    putBranch(branch) {
      const branches = of(branch.repositoryId).branches;
      const previous = branches.get(branch.name);
      branches.set(branch.name, branch);
      heard({ branch }, () => (previous ? branches.set(branch.name, previous) : branches.delete(branch.name)));
      return branch;
    },
    // What is stored: a repository nobody touched yet gets its implied work again after a restore.
    snapshot() {
      const work = [...repositories.values()];
      return {
        pulls: work.flatMap((w) => w.pulls.map((p) => ({ ...p, reviewerIds: [...p.reviewerIds] }))),
        branches: work.flatMap((w) => [...w.branches.values()].map((b) => ({ ...b }))),
      };
    },
  };
  return store;
}

/** Where `number` is, or would go, in a list sorted by number. */
function indexOfNumber(list: readonly PullRequestRecord[], number: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.number < number) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
