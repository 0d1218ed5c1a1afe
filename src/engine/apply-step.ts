import { branchNameFor } from '../model/task-name.js';
import type { Artifact, SessionRecord, TaskRecord, TaskState, Usage } from '../model/task-record.js';
import type { IdSource } from '../support/ids.js';
import type { Random } from '../support/random.js';
import type { WorkHooks } from './work-hooks.js';
import { isTerminal } from './state-machine.js';

export interface StepEffects {
  error?: string;
  artifacts?: 'auto' | 'pull' | 'branch' | 'none';
  usage?: Usage;
}

export interface StepTools {
  ids: IdSource;
  random: Random;
  /** What the agent does in the repository (branches, pull requests); absent = artifacts only. */
  work?: WorkHooks;
}

export const DEFAULT_FAILURE = 'Copilot encountered an error and stopped working on this task.';

/** Moves the latest session (and so the task) to `to` at time `at`, with what that state brings. */
export function moveSession(task: TaskRecord, to: TaskState, at: number, effects: StepEffects, tools: StepTools): void {
  const session = task.sessions[task.sessions.length - 1]!;
  session.state = to;
  session.updatedAt = at;
  if (to === 'in_progress' && session.headRef === undefined) {
    session.headRef = branchNameFor(task.name, tools.ids.shortHex());
  }
  if (to === 'in_progress' && tools.work) tools.work.started(task, session, session.headRef!, at);
  if (isTerminal(to) || to === 'waiting_for_user' || to === 'idle') {
    session.usage = effects.usage ?? session.usage ?? { type: 'ai_credits', amount: tools.random.int(100_000_000, 4_000_000_000) };
  }
  if (isTerminal(to)) session.completedAt = at;
  if (to === 'failed') session.errorMessage = effects.error ?? DEFAULT_FAILURE;
  if (to === 'completed') addArtifact(task, session, effects.artifacts ?? 'auto', tools, at);
  task.state = to;
  task.updatedAt = at;
}

/**
 * Opens a new session (an answer to a waiting task, or a follow-up): the latest session ends as
 * completed if it was still open, and the task takes the new session's state.
 */
export function openSession(task: TaskRecord, state: 'queued' | 'in_progress', at: number, prompt: string, tools: StepTools): void {
  const previous = task.sessions[task.sessions.length - 1]!;
  if (!isTerminal(previous.state)) {
    previous.state = 'completed';
    previous.updatedAt = at;
    previous.completedAt = at;
  }
  const session: SessionRecord = {
    id: tools.ids.uuid(),
    name: task.name,
    userId: previous.userId,
    state: 'queued',
    createdAt: at,
    updatedAt: at,
    prompt,
    headRef: previous.headRef,
    baseRef: previous.baseRef,
    model: previous.model,
  };
  // concat, not push: push grows a one-item array to room for 17, ~130 bytes a task never uses.
  task.sessions = task.sessions.concat(session);
  task.state = 'queued';
  task.updatedAt = at;
  if (state === 'in_progress') moveSession(task, 'in_progress', at, {}, tools);
}

function addArtifact(task: TaskRecord, session: SessionRecord, kind: StepEffects['artifacts'], tools: StepTools, at: number): void {
  if (kind === 'none') return;
  const headRef = session.headRef ?? branchNameFor(task.name, tools.ids.shortHex());
  const baseRef = session.baseRef ?? 'main';
  const work = tools.work;
  // A task on the head_ref of an open pull request works on that pull request (issue #16).
  const pull = kind === 'pull' || (kind === 'auto' && (task.createPullRequest || (work?.inPull(task, session, headRef) ?? false)));
  if (!pull) work?.branch(task, session, headRef, at);
  const artifact: Artifact = pull
    ? { provider: 'github', type: 'pull', data: work ? work.pull(task, session, headRef, at) : pullRequestFor(task, tools) }
    : { provider: 'github', type: 'branch', data: { head_ref: headRef, base_ref: baseRef } };
  const same = (a: Artifact) => a.type === artifact.type && JSON.stringify(a.data) === JSON.stringify(artifact.data);
  // concat, not push: an exactly sized array (push leaves room for 17) that may start as NO_ARTIFACTS.
  if (!task.artifacts.some(same)) task.artifacts = task.artifacts.concat(artifact);
}

/**
 * The pull request a session produced. A task that named an existing head_ref works on that
 * branch's open pull request, so every task on the same branch reports the same pull request.
 */
function pullRequestFor(task: TaskRecord, tools: StepTools): { id: number; global_id: string } {
  const existing = task.artifacts.find((a) => a.type === 'pull');
  if (existing && existing.type === 'pull') return { id: existing.data.id, global_id: existing.data.global_id ?? globalIdFor(existing.data.id) };
  const branch = task.existingBranch;
  const id = branch ? 1_000_000_000 + (hash(`${task.repositoryId}:${branch.headRef}:${branch.baseRef}`) % 900_000_000) : tools.ids.serial();
  return { id, global_id: globalIdFor(id) };
}

function globalIdFor(id: number): string {
  return `PR_kwDO${Buffer.from(`pull:${id}`).toString('base64url')}`;
}

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
