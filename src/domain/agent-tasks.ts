// The five operations of the Agent Tasks API, named after their operationIds.
import type { TaskPage, TaskQuery, TaskScope } from '../store/task-store.js';
import { assertMayListOwnTasks, mayReadOwnTask, resolveRepository, visibleRepositoryIds } from './access.js';
import { notFound, validationFailed } from './errors.js';
import { deriveTaskName } from '../model/task-name.js';
import type { Account, Repository } from '../model/directory.js';
import { NO_ARTIFACTS, NO_COLLABORATORS, type SessionRecord, type TaskRecord } from '../model/task-record.js';
import type { Caller, World } from './world.js';

export type ListOptions = Omit<TaskQuery, 'scope' | 'repositoryIds'>;

export interface NewTask {
  prompt: string;
  model?: string;
  customAgent?: string;
  createPullRequest: boolean;
  baseRef?: string;
  headRef?: string;
  /** A scenario asked for in a request header (engine/choose-scenario.ts has the precedence). */
  headerScenario?: string;
}

export function listTasksForRepo(world: World, caller: Caller, owner: string, repo: string, options: ListOptions): TaskPage {
  const repository = resolveRepository(world, caller, owner, repo, 'read');
  world.lifecycle.settle();
  return world.store.query(queryOf(options, { kind: 'repository', repositoryId: repository.id }, undefined));
}

export function createTaskInRepo(world: World, caller: Caller, owner: string, repo: string, input: NewTask): TaskRecord {
  const repository = resolveRepository(world, caller, owner, repo, 'write');
  world.lifecycle.settle();
  const task = buildTask(world, repository, caller.user, input, world.clock.now());
  // A queued outcome the task takes and the task itself are kept together or not at all.
  return world.atomically(() => {
    const started = world.lifecycle.start(task, { headerScenario: input.headerScenario, repositoryScenario: repository.defaultScenario });
    if (!started.ok) throw validationFailed([{ field: started.field, code: 'invalid', message: started.message }]);
    world.store.insert(task);
    return task;
  });
}

/** A new task record, queued with one session; not stored. */
export function buildTask(world: Pick<World, 'ids' | 'store'>, repository: Repository, creator: Account, input: NewTask, now: number): TaskRecord {
  const name = deriveTaskName(input.prompt);
  const session: SessionRecord = {
    id: world.ids.uuid(),
    name,
    userId: creator.id,
    state: 'queued',
    createdAt: now,
    updatedAt: now,
    prompt: input.prompt,
    headRef: input.headRef,
    baseRef: input.baseRef ?? repository.defaultBranch,
    model: input.model,
  };
  // A stored task may already hold an id the stream gives (a snapshot imported into a tenant of
  // the same name and seed): draw again rather than overwrite it.
  let id = world.ids.uuid();
  while (world.store.get(id)) id = world.ids.uuid();
  return {
    id,
    name,
    creatorId: creator.id,
    creatorType: 'user',
    collaboratorIds: NO_COLLABORATORS,
    ownerId: repository.owner.id,
    ownerLogin: repository.owner.login,
    repositoryId: repository.id,
    repositoryName: repository.name,
    state: 'queued',
    sessions: [session],
    artifacts: NO_ARTIFACTS,
    archivedAt: null,
    createdAt: now,
    updatedAt: now,
    seq: 0, // the store numbers it on insert
    revision: 0,
    customAgent: input.customAgent,
    createPullRequest: input.createPullRequest,
    existingBranch: input.headRef !== undefined && input.baseRef !== undefined ? { headRef: input.headRef, baseRef: input.baseRef } : undefined,
    // Set when the lifecycle starts it and records it, right after; slots made here keep the record
    // in one piece and of one shape (a member added later goes to a separate property array, 40 B
    // a task, and makes every site that reads records see one more shape).
    progress: undefined,
    history: undefined,
  };
}

export function getTaskByRepoAndId(world: World, caller: Caller, owner: string, repo: string, taskId: string): TaskRecord {
  const repository = resolveRepository(world, caller, owner, repo, 'read');
  world.lifecycle.settle();
  const task = world.store.get(taskId);
  if (!task || task.repositoryId !== repository.id) throw notFound();
  return read(world, task);
}

export function listTasks(world: World, caller: Caller, options: ListOptions): TaskPage {
  assertMayListOwnTasks(caller);
  world.lifecycle.settle();
  return world.store.query(queryOf(options, { kind: 'creator', userId: caller.user.id }, visibleRepositoryIds(caller)));
}

/**
 * The store query for a list, its fields listed one by one: the store reads a query made this way
 * twice as fast as a spread copy of the options (docs/performance.md). The mapped type makes
 * leaving a field out a compile error.
 */
function queryOf(options: ListOptions, scope: TaskScope, repositoryIds: ReadonlySet<number> | undefined): TaskQuery {
  const query: { [K in keyof Required<TaskQuery>]: TaskQuery[K] } = {
    scope,
    states: options.states,
    archived: options.archived,
    since: options.since,
    creatorIds: options.creatorIds,
    repositoryIds,
    sort: options.sort,
    direction: options.direction,
    offset: options.offset,
    limit: options.limit,
  };
  return query;
}

export function getTaskById(world: World, caller: Caller, taskId: string): TaskRecord {
  assertMayListOwnTasks(caller);
  world.lifecycle.settle();
  const task = world.store.get(taskId);
  if (!task || !mayReadOwnTask(caller, task)) throw notFound();
  return read(world, task);
}

/** A read can itself move a poll-driven task on, so the answer is re-read after counting it. */
function read(world: World, task: TaskRecord): TaskRecord {
  world.lifecycle.read(task);
  return world.store.get(task.id) ?? task;
}
