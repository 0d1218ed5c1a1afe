import { Hono } from 'hono';
import type { ApiEnv } from '../shared/env.js';
import { MESSAGES } from '../shared/messages.js';
import { respondJson } from '../shared/respond.js';
import { controlError } from './control-kit.js';
import { presentHistory } from './present-history.js';

/** A task's history: every change with its cause, the scenario it follows and why, what is next. */
export function createHistoryRoutes(): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();
  routes.get('/tasks/:task_id/history', (c) => {
    const { engine, world, clock } = c.get('tenant');
    engine.settle();
    const task = world.store.get(c.req.param('task_id'));
    return task ? respondJson(c, 200, presentHistory(task, engine.catalogue, clock)) : controlError(c, 404, MESSAGES.notFound);
  });
  return routes;
}
