// Loading tasks in bulk (POST /_emulator/tasks): the control API's way to set up a world.
import type { ScenarioEngine } from '../engine/scenario-engine.js';
import { findRepository } from '../model/directory.js';
import type { TaskRecord, TaskState } from '../model/task-record.js';
import { parseIsoTimestamp } from '../support/iso-timestamp.js';
import { buildTask } from './agent-tasks.js';
import { validationFailed } from './errors.js';
import type { World } from './world.js';

/** One task to load, as the control API's body gives it. */
export interface LoadedTask {
  repository: string;
  creator: string;
  prompt: string;
  state?: TaskState;
  scenario?: string;
  model?: string;
  create_pull_request?: boolean;
  base_ref?: string;
  head_ref?: string;
  archived?: boolean;
  created_at?: string;
}

/**
 * Builds each task as given (its state reached, or its scenario started, at its creation time)
 * and stores them all, or, when one is wrong, none: a validation failure names `tasks.{i}.{field}`.
 * Every task is checked before any is built: building one in progress has the agent push a branch
 * and open a draft pull request, which a later task's refusal must not leave behind.
 */
export function loadTasks(world: World, engine: Pick<ScenarioEngine, 'adopt' | 'adoptRefusal'>, tasks: readonly LoadedTask[]): TaskRecord[] {
  world.lifecycle.settle();
  const now = world.clock.now();
  const checked = tasks.map((t, i) => {
    const problem = (field: string, message: string) => validationFailed([{ field: `tasks.${i}.${field}`, code: 'invalid', message }]);
    const [owner = '', name = ''] = t.repository.split('/');
    const repository = findRepository(world.directory, owner, name);
    if (!repository) throw problem('repository', `unknown repository ${t.repository}`);
    const creator = world.directory.accounts.get(t.creator.toLowerCase());
    if (!creator || creator.type !== 'User') throw problem('creator', `unknown user ${t.creator}`);
    const createdAt = t.created_at === undefined ? now : parseIsoTimestamp(t.created_at);
    if (createdAt === undefined || createdAt > now) throw problem('created_at', 'created_at must be an ISO 8601 timestamp not after the clock');
    const how = { state: t.state, scenario: t.scenario };
    const refused = engine.adoptRefusal(how);
    if (refused) throw problem(t.scenario !== undefined ? 'scenario' : 'state', refused);
    return { t, repository, creator, createdAt, how };
  });
  // All of them are kept, with what the agent did in their repositories, or none.
  return world.atomically(() =>
    checked.map(({ t, repository, creator, createdAt, how }) => {
      const task = buildTask(
        world,
        repository,
        creator,
        { prompt: t.prompt, model: t.model, createPullRequest: t.create_pull_request ?? false, baseRef: t.base_ref, headRef: t.head_ref },
        createdAt,
      );
      const refused = engine.adopt(task, how);
      // adoptRefusal said yes above; a refusal now is a bug, not the caller's mistake.
      if (refused) throw new Error(`adopt refused a checked task: ${refused}`);
      if (t.archived) task.archivedAt = task.updatedAt;
      return world.store.insert(task);
    }),
  );
}
