import { Hono, type Context } from 'hono';
import { DomainError } from '../../domain/errors.js';
import { loadTasks, type LoadedTask } from '../../domain/load-tasks.js';
import type { TaskState } from '../../model/task-record.js';
import type { EngineResult } from '../../engine/scenario-engine.js';
import type { ApiEnv } from '../shared/env.js';
import { MESSAGES } from '../shared/messages.js';
import { presentTaskWithSessions, type UrlBases } from '../agent-tasks/present-task.js';
import { respondJson } from '../shared/respond.js';
import { controlError, readControlBody, TASKS_BODY_LIMIT } from './control-kit.js';
import { validateLoadTasksBody as loadBody, validateTaskPromptBody as promptBody, validateTaskStateBody as stateBody } from '../../generated/validators.js';

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
    try {
      const loaded = loadTasks(world, engine, read.body.tasks);
      return respondJson(c, 201, { tasks: loaded.map((t) => presentTaskWithSessions(t, bases(c))) });
    } catch (error) {
      if (error instanceof DomainError && error.code === 'validation_failed') return controlError(c, 422, error.message, error.problems);
      throw error;
    }
  });
  return routes;
}
