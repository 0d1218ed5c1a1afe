import { Hono, type Context } from 'hono';
import { buildTask } from '../../domain/agent-tasks.js';
import { findRepository } from '../../domain/directory.js';
import type { TaskRecord, TaskState } from '../../domain/types.js';
import type { EngineResult } from '../../engine/scenario-engine.js';
import type { ApiEnv } from '../env.js';
import { parseIsoTimestamp } from '../list-query.js';
import { MESSAGES } from '../messages.js';
import { presentTaskWithSessions, type UrlBases } from '../present-task.js';
import { respondJson } from '../respond.js';
import { controlError, readControlBody, TASKS_BODY_LIMIT } from './control-kit.js';
import { validateLoadTasksBody as loadBody, validateTaskPromptBody as promptBody, validateTaskStateBody as stateBody } from '../../generated/validators.js';

/** One task of POST /_emulator/tasks. */
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

/** Levers on single tasks (move, cancel, answer, follow up, archive) and loading tasks in bulk. */
export function createTaskControlRoutes(webBaseUrl: string): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();
  const bases = (c: Context<ApiEnv>): UrlBases => ({ api: c.get('apiBase'), web: webBaseUrl });
  const answer = (c: Context<ApiEnv>, result: EngineResult) => {
    if (!result.ok) return result.reason === 'not_found' ? controlError(c, 404, MESSAGES.notFound) : controlError(c, 409, result.message);
    return respondJson(c, 200, control(c, result.task.id));
  };
  const control = (c: Context<ApiEnv>, id: string) => {
    const task = c.get('world').store.get(id)!;
    const p = task.progress;
    const scenario = p ? c.get('tenant').engine.catalogue.get(p.scenario) : undefined;
    return {
      task: presentTaskWithSessions(task, bases(c)),
      scenario: p && scenario ? { name: p.scenario, step: p.step, steps: scenario.steps.length, next_state: scenario.steps[p.step]?.state ?? null } : null,
    };
  };

  routes.get('/tasks/:task_id', (c) => {
    c.get('tenant').engine.settle();
    return c.get('world').store.get(c.req.param('task_id')) ? respondJson(c, 200, control(c, c.req.param('task_id'))) : controlError(c, 404, MESSAGES.notFound);
  });

  routes.post('/tasks/:task_id/state', async (c) => {
    const read = await readControlBody<{ state: TaskState }>(c, stateBody);
    if (!read.ok) return read.response;
    return answer(c, c.get('tenant').engine.move(c.req.param('task_id'), read.body.state));
  });
  routes.post('/tasks/:task_id/cancel', (c) => answer(c, c.get('tenant').engine.move(c.req.param('task_id'), 'cancelled', 'cancel')));
  routes.post('/tasks/:task_id/answer', async (c) => {
    const read = await readControlBody<{ prompt: string }>(c, promptBody);
    if (!read.ok) return read.response;
    return answer(c, c.get('tenant').engine.answer(c.req.param('task_id'), read.body.prompt));
  });
  routes.post('/tasks/:task_id/follow-up', async (c) => {
    const read = await readControlBody<{ prompt: string }>(c, promptBody);
    if (!read.ok) return read.response;
    return answer(c, c.get('tenant').engine.followUp(c.req.param('task_id'), read.body.prompt));
  });
  routes.post('/tasks/:task_id/archive', (c) => answer(c, c.get('tenant').engine.setArchived(c.req.param('task_id'), true)));
  routes.post('/tasks/:task_id/unarchive', (c) => answer(c, c.get('tenant').engine.setArchived(c.req.param('task_id'), false)));

  routes.post('/tasks', async (c) => {
    const read = await readControlBody<{ tasks: LoadedTask[] }>(c, loadBody, TASKS_BODY_LIMIT);
    if (!read.ok) return read.response;
    const { world, engine } = c.get('tenant');
    engine.settle();
    const now = world.clock.now();
    const ready: TaskRecord[] = [];
    // Check every task before storing any, so a bad entry changes nothing.
    for (const [i, t] of read.body.tasks.entries()) {
      const problem = (field: string, message: string) =>
        controlError(c, 422, MESSAGES.validationFailed, [{ field: `tasks.${i}.${field}`, code: 'invalid', message }]);
      const [owner = '', name = ''] = t.repository.split('/');
      const repository = findRepository(world.directory, owner, name);
      if (!repository) return problem('repository', `unknown repository ${t.repository}`);
      const creator = world.directory.accounts.get(t.creator.toLowerCase());
      if (!creator || creator.type !== 'User') return problem('creator', `unknown user ${t.creator}`);
      const createdAt = t.created_at === undefined ? now : parseIsoTimestamp(t.created_at);
      if (createdAt === undefined || createdAt > now) return problem('created_at', 'created_at must be an ISO 8601 timestamp not after the clock');
      const task = buildTask(world, repository, creator, {
        prompt: t.prompt,
        model: t.model,
        createPullRequest: t.create_pull_request ?? false,
        baseRef: t.base_ref,
        headRef: t.head_ref,
      }, createdAt);
      const refused = engine.adopt(task, { state: t.state, scenario: t.scenario });
      if (refused) return problem(t.scenario !== undefined ? 'scenario' : 'state', refused);
      if (t.archived) task.archivedAt = task.updatedAt;
      ready.push(task);
    }
    // All the tasks are kept, or none.
    world.atomically(() => {
      for (const task of ready) world.store.insert(task);
    });
    return respondJson(c, 201, { tasks: ready.map((t) => presentTaskWithSessions(t, bases(c))) });
  });
  return routes;
}
