import type { WorkHooks } from '../../engine/work-hooks.js';
import type { SessionRecord, TaskRecord } from '../../model/task-record.js';
import type { Directory } from '../../model/directory.js';
import type { PullRequestRecord } from '../../model/work-records.js';
import { commitSha, type WorkStore } from './work-store.js';

/**
 * What the agent does in the repository as a task moves (engine/apply-step.ts calls these). As on
 * GitHub, the cloud agent pushes its branch and opens a draft pull request as soon as it starts
 * working, keeps pushing to it, and asks the person who started the task to review it when it is
 * done; the pull request stays a draft for them to mark ready (docs/fidelity.md cites the sources).
 */

export interface WorkHooksOptions {
  store: WorkStore;
  directory: Directory;
  /** Pull request ids (the tenant's serial stream, which artifacts have always drawn from). */
  serial: () => number;
}

/** GitHub's node id prefix for a pull request, followed by an encoding of the id. */
export function pullNodeId(id: number): string {
  return `PR_kwDO${Buffer.from(`pull:${id}`).toString('base64url')}`;
}

/** The pull request's body: what the agent was asked, as GitHub's agent quotes the task in its description. */
export function pullBodyFor(task: TaskRecord): string {
  return task.sessions[0]?.prompt ?? task.name;
}

export function createWorkHooks(options: WorkHooksOptions): WorkHooks {
  const { store } = options;
  const baseOf = (task: TaskRecord, session: SessionRecord) => session.baseRef ?? options.directory.repositoriesById.get(task.repositoryId)?.defaultBranch ?? 'main';

  /** A push to the branch: a new head commit, made from the session and the moment. */
  const push = (task: TaskRecord, session: SessionRecord, headRef: string, at: number) =>
    store.putBranch({ repositoryId: task.repositoryId, name: headRef, sha: commitSha(task.id, session.id, at, store.branch(task.repositoryId, headRef)?.sha ?? ''), updatedAt: at });

  /** The open pull request this task works in: one it opened, or the branch's when head_ref and base_ref were given. */
  const current = (task: TaskRecord, session: SessionRecord, headRef: string): PullRequestRecord | undefined => {
    const open = store.openPullFor(task.repositoryId, headRef, task.existingBranch ? baseOf(task, session) : undefined);
    return open && (open.taskId === task.id || task.existingBranch !== undefined) ? open : undefined;
  };

  const open = (task: TaskRecord, session: SessionRecord, headRef: string, headSha: string, at: number): PullRequestRecord => {
    const base = baseOf(task, session);
    const id = options.serial();
    return store.addPull({
      id,
      number: store.nextPullNumber(task.repositoryId),
      nodeId: pullNodeId(id),
      repositoryId: task.repositoryId,
      title: task.name,
      body: pullBodyFor(task),
      headRef,
      headSha,
      baseRef: base,
      baseSha: store.branch(task.repositoryId, base)?.sha ?? commitSha(task.repositoryId, base),
      state: 'open',
      draft: true,
      merged: false,
      createdAt: at,
      updatedAt: at,
      closedAt: null,
      mergedAt: null,
      mergeCommitSha: null,
      mergedById: null,
      taskId: task.id,
      reviewerIds: [],
    });
  };

  return {
    started(task, session, headRef, at) {
      const pushed = push(task, session, headRef, at);
      const pull = current(task, session, headRef);
      if (pull) store.changePull(pull, (p) => ((p.headSha = pushed.sha), (p.updatedAt = at)));
      else if (task.createPullRequest) open(task, session, headRef, pushed.sha, at);
    },
    pull(task, session, headRef, at) {
      const pushed = push(task, session, headRef, at);
      const found = current(task, session, headRef);
      const pull = found
        ? store.changePull(found, (p) => {
            p.headSha = pushed.sha;
            p.updatedAt = at;
            if (!p.reviewerIds.includes(task.creatorId)) p.reviewerIds = [...p.reviewerIds, task.creatorId];
          })
        : store.changePull(open(task, session, headRef, pushed.sha, at), (p) => (p.reviewerIds = [task.creatorId]));
      return { id: pull.id, global_id: pull.nodeId };
    },
    inPull: (task, session, headRef) => current(task, session, headRef) !== undefined,
    branch(task, session, headRef, at) {
      push(task, session, headRef, at);
    },
  };
}
