import {
  canAccessRepository,
  findRepository,
  tokenCoversRepository,
  usesRepositoryPermissions,
  type Repository,
  type Token,
} from '../model/directory.js';
import { DomainError, notFound } from './errors.js';
import type { TaskRecord } from '../model/task-record.js';
import type { Caller, World } from './world.js';

export type Need = 'read' | 'write';

const MESSAGES = {
  integration: 'Resource not accessible by integration',
  personalToken: 'Resource not accessible by personal access token',
} as const;

/** Installation tokens are refused by every agent-tasks operation, whatever they may see. */
function assertUserToken(token: Token): void {
  if (token.kind === 'installation') throw new DomainError('forbidden_integration', MESSAGES.integration);
}

function assertPermission(token: Token, need: Need): void {
  if (!usesRepositoryPermissions(token)) return;
  const granted = token.agentTasks;
  if (granted === 'none' || (need === 'write' && granted !== 'write')) {
    throw new DomainError('forbidden_token_permission', MESSAGES.personalToken);
  }
}

/** The repository, if the caller may use its agent tasks; otherwise 404 or 403 as GitHub answers. */
export function resolveRepository(world: World, caller: Caller, owner: string, name: string, need: Need): Repository {
  assertUserToken(caller.token);
  const repo = findRepository(world.directory, owner, name);
  if (!repo || !canAccessRepository(caller.user, repo)) throw notFound();
  if (usesRepositoryPermissions(caller.token) && !tokenCoversRepository(caller.token, repo.id)) throw notFound();
  assertPermission(caller.token, need);
  return repo;
}

/** Checks for operations not tied to one repository (the caller's own tasks). */
export function assertMayListOwnTasks(caller: Caller): void {
  assertUserToken(caller.token);
  assertPermission(caller.token, 'read');
}

/** Repository ids a scoped token limits the caller's own-task views to; undefined = no limit. */
export function visibleRepositoryIds(caller: Caller): ReadonlySet<number> | undefined {
  return usesRepositoryPermissions(caller.token) ? caller.token.repositoryIds : undefined;
}

export function mayReadOwnTask(caller: Caller, task: TaskRecord): boolean {
  if (task.creatorId !== caller.user.id) return false;
  return !usesRepositoryPermissions(caller.token) || tokenCoversRepository(caller.token, task.repositoryId);
}
