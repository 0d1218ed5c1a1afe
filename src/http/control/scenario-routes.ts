import { Hono } from 'hono';
import type { Scenario } from '../../engine/scenario.js';
import type { ApiEnv } from '../shared/env.js';
import { MESSAGES } from '../shared/messages.js';
import { respondJson } from '../shared/respond.js';
import { controlError, readControlBody } from './control-kit.js';
import { validateDefaultScenarioBody as defaultBody, validateOutcomesBody as outcomesBody } from '../../generated/validators.js';

function presentScenario(s: Scenario) {
  return {
    name: s.name,
    description: s.description,
    steps: s.steps.map((step) => ({
      state: step.state,
      ...(step.trigger.kind === 'after' ? { after_ms: step.trigger.ms, jitter: step.trigger.jitter } : {}),
      ...(step.trigger.kind === 'reads' ? { after_reads: step.trigger.count } : {}),
      ...(step.trigger.kind === 'answer' ? { on: 'answer' } : {}),
      ...(step.error ? { error: step.error } : {}),
      ...(step.artifacts ? { artifacts: step.artifacts } : {}),
      ...(step.newSession ? { new_session: true } : {}),
    })),
  };
}

/** The scenario catalogue, the tenant's default, and the queue of next outcomes. */
export function createScenarioRoutes(): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();
  const unknown = (c: Parameters<typeof controlError>[0], names: string[]) =>
    controlError(c, 422, MESSAGES.validationFailed, [
      { field: 'scenarios', code: 'invalid', message: `unknown scenario ${names.join(', ')}; known: ${[...c.get('tenant').engine.catalogue.keys()].sort().join(', ')}` },
    ]);

  routes.get('/scenarios', (c) => {
    const { engine } = c.get('tenant');
    return respondJson(c, 200, { default: engine.defaultScenario(), scenarios: [...engine.catalogue.values()].map(presentScenario) });
  });

  routes.put('/scenarios/default', async (c) => {
    const read = await readControlBody<{ name: string }>(c, defaultBody);
    if (!read.ok) return read.response;
    const { engine } = c.get('tenant');
    if (!engine.setDefaultScenario(read.body.name)) return unknown(c, [read.body.name]);
    return respondJson(c, 200, { default: engine.defaultScenario() });
  });

  routes.get('/outcomes', (c) => respondJson(c, 200, { queued: c.get('tenant').engine.outcomes() }));

  routes.post('/outcomes', async (c) => {
    const read = await readControlBody<{ scenarios: string[] }>(c, outcomesBody);
    if (!read.ok) return read.response;
    const { engine } = c.get('tenant');
    const queued = engine.queueOutcomes(read.body.scenarios);
    if (!queued.ok) return unknown(c, queued.unknown);
    return respondJson(c, 201, { queued: engine.outcomes() });
  });

  routes.delete('/outcomes', (c) => {
    c.get('tenant').engine.clearOutcomes();
    return c.body(null, 204);
  });
  return routes;
}
