import type { Directory } from '../../model/directory.js';
import type { TaskRecord } from '../../model/task-record.js';
import { pullBodyFor, pullNodeId } from './task-work.js';
import { commitSha, type WorkStore } from './work-store.js';

/**
 * Gives tasks that already carry artifacts (the generated fixture tasks, tasks loaded through the
 * control API, a state file written before pull requests were kept) the pull requests and branches
 * their artifacts name, so every artifact resolves. A repository's pull requests are numbered in
 * the order their tasks were created, counting those the store holds already (left as they are):
 * a tenant restored from its log, which holds only the pull requests made after its fixture data,
 * gets the fixture pull requests back under the numbers they had.
 */
export function backfillWork(store: WorkStore, directory: Directory, tasks: Iterable<TaskRecord>): void {
  const ordered = [...tasks].filter((t) => t.artifacts.length > 0).sort((a, b) => a.createdAt - b.createdAt || a.seq - b.seq);
  const counted = new Map<number, number>();
  // One array per reviewer (arrays are replaced, never changed in place: task-work.ts).
  const reviewers = new Map<number, number[]>();
  const reviewersOf = (id: number) => {
    let list = reviewers.get(id);
    if (!list) reviewers.set(id, (list = [id]));
    return list;
  };
  // One string per base branch, shared by every pull request into it (there may be 100,000).
  const baseShas = new Map<string, string>();
  const baseShaOf = (repositoryId: number, baseRef: string) => {
    const key = `${repositoryId}:${baseRef}`;
    let sha = baseShas.get(key);
    if (sha === undefined) baseShas.set(key, (sha = commitSha(repositoryId, baseRef)));
    return sha;
  };
  for (const task of ordered) {
    const session = task.sessions[task.sessions.length - 1]!;
    const defaultBranch = directory.repositoriesById.get(task.repositoryId)?.defaultBranch ?? 'main';
    for (const artifact of task.artifacts) {
      const headRef = artifact.type === 'branch' ? artifact.data.head_ref : (session.headRef ?? `copilot/task-${task.id.slice(0, 8)}`);
      const baseRef = artifact.type === 'branch' ? artifact.data.base_ref : (session.baseRef ?? defaultBranch);
      const branch = store.branch(task.repositoryId, headRef) ?? store.putBranch({ repositoryId: task.repositoryId, name: headRef, sha: commitSha(task.id, headRef), updatedAt: task.updatedAt });
      if (artifact.type !== 'pull') continue;
      const number = (counted.get(task.repositoryId) ?? 0) + 1;
      counted.set(task.repositoryId, number);
      if (store.knows(artifact.data.id)) continue;
      store.addPull({
        id: artifact.data.id,
        number,
        nodeId: artifact.data.global_id ?? pullNodeId(artifact.data.id),
        repositoryId: task.repositoryId,
        title: task.name,
        body: pullBodyFor(task),
        headRef,
        headSha: branch.sha,
        baseRef,
        // The base as it was first (work-store.ts), not as a restored log may have moved it since.
        baseSha: baseShaOf(task.repositoryId, baseRef),
        state: 'open',
        draft: true,
        merged: false,
        createdAt: task.sessions[0]?.createdAt ?? task.createdAt,
        updatedAt: task.updatedAt,
        closedAt: null,
        mergedAt: null,
        mergeCommitSha: null,
        mergedById: null,
        taskId: task.id,
        reviewerIds: reviewersOf(task.creatorId),
      });
    }
  }
}
