// Scripted task lives, seen over HTTP: the public API shows what the control API sets in motion.
// Emulator only (they need /_emulator). Each test works in a tenant of its own, so moving its
// clock or queueing outcomes never reaches another test, and answers of the control API are
// checked against openapi/emulator.yaml like every other answer.
import { describe, expect } from 'vitest';
import type { ApiClient } from './harness/api-client.js';
import { contractTest } from './harness/contract-test.js';
import { show } from './harness/expectations.js';

const STATES = ['queued', 'in_progress', 'completed', 'failed', 'idle', 'waiting_for_user', 'timed_out', 'cancelled'];

function tenantOf(api: ApiClient, label: string): Promise<ApiClient> {
  return api.newTenant(`contract-${label}-${process.pid}-${Date.now()}`);
}

async function control(api: ApiClient, method: string, path: string, json?: unknown) {
  const res = await api.request({ method, path: `/_emulator${path}`, token: null, json });
  return res;
}

async function stateOf(api: ApiClient, id: string): Promise<string> {
  const res = await api.get(`/agents/tasks/${id}`);
  expect(res.status, show(res)).toBe(200);
  return (res.json as { state: string }).state;
}

describe('scripted lifecycles (emulator)', () => {
  contractTest(
    'a polling client sees queued, in_progress, completed as the tenant clock moves, stamped with the due times',
    { runsOn: 'emulator', behaviour: 'emulator.lifecycle-poll', writes: true },
    async ({ api }) => {
      const t = await tenantOf(api, 'poll');
      const started = await t.createTask({ prompt: 'Contract: happy path', create_pull_request: true });
      expect(started.status, show(started)).toBe(201);
      const task = started.json as { id: string; created_at: string };
      expect(await stateOf(t, task.id)).toBe('queued');
      expect((await control(t, 'POST', '/clock/advance', { by: '3s' })).status).toBe(200);
      expect(await stateOf(t, task.id)).toBe('in_progress');
      await control(t, 'POST', '/clock/advance', { by: '1m' });
      const done = await t.get(`/agents/tasks/${task.id}`);
      const body = done.json as { state: string; updated_at: string; artifacts: Array<{ type: string }>; sessions: Array<{ completed_at?: string }> };
      expect(body.state).toBe('completed');
      expect(Date.parse(body.updated_at) - Date.parse(task.created_at)).toBeGreaterThanOrEqual(33_000 - 1000);
      expect(body.artifacts.map((a) => a.type)).toEqual(['pull']);
      expect(body.sessions[0]!.completed_at).toBe(body.updated_at);
    },
  );

  contractTest(
    'a scenario chosen in the prompt, in a header or through queued outcomes is followed',
    { runsOn: 'emulator', behaviour: 'emulator.scenario-choice', writes: true },
    async ({ api }) => {
      const t = await tenantOf(api, 'choice');
      const fromPrompt = (await t.createTask({ prompt: 'Contract: [emulator:scenario=fails]' })).json as { id: string };
      const fromHeader = (await t.createTask({ prompt: 'Contract: header' }, { headers: { 'x-emulator-scenario': 'goes-idle' } })).json as { id: string };
      const queued = await control(t, 'POST', '/outcomes', { scenarios: ['cancelled'] });
      expect(queued.status, show(queued)).toBe(201);
      const fromQueue = (await t.createTask({ prompt: 'Contract: queued [emulator:scenario=fails]' })).json as { id: string };
      await control(t, 'POST', '/clock/advance', { by: '5m' });
      expect([await stateOf(t, fromPrompt.id), await stateOf(t, fromHeader.id), await stateOf(t, fromQueue.id)]).toEqual(['failed', 'idle', 'cancelled']);
      const unknown = await t.createTask({ prompt: 'Contract: [emulator:scenario=no-such-thing]' });
      expect(unknown.status, show(unknown)).toBe(422);
    },
  );

  contractTest(
    'each of the eight states is reachable through the control API; an illegal move is a 409 with the reason',
    { runsOn: 'emulator', behaviour: 'emulator.move-states', writes: true },
    async ({ api }) => {
      const t = await tenantOf(api, 'move');
      const reached = new Set<string>();
      for (const goal of STATES) {
        const task = (await t.createTask({ prompt: `Contract: to ${goal}` })).json as { id: string };
        await control(t, 'PUT', '/scenarios/default', { name: 'happy-path' });
        const path = goal === 'queued' ? [] : goal === 'cancelled' ? ['cancelled'] : goal === 'in_progress' ? ['in_progress'] : ['in_progress', goal];
        for (const step of path) {
          const moved = await control(t, 'POST', `/tasks/${task.id}/state`, { state: step });
          expect(moved.status, show(moved)).toBe(200);
        }
        reached.add(await stateOf(t, task.id));
      }
      expect([...reached].sort()).toEqual([...STATES].sort());
      const done = (await t.createTask({ prompt: 'Contract: illegal' })).json as { id: string };
      await control(t, 'POST', `/tasks/${done.id}/state`, { state: 'cancelled' });
      const illegal = await control(t, 'POST', `/tasks/${done.id}/state`, { state: 'in_progress' });
      expect(illegal.status, show(illegal)).toBe(409);
      expect((illegal.json as { message: string }).message).toMatch(/cancelled is terminal/);
      expect(await stateOf(t, done.id)).toBe('cancelled');
    },
  );

  contractTest(
    'a task waiting for the user resumes in a new session when answered',
    { runsOn: 'emulator', behaviour: 'emulator.answer', writes: true },
    async ({ api }) => {
      const t = await tenantOf(api, 'answer');
      const task = (await t.createTask({ prompt: 'Contract: [emulator:scenario=waits-for-user]' })).json as { id: string };
      await control(t, 'POST', '/clock/advance', { by: '30s' });
      expect(await stateOf(t, task.id)).toBe('waiting_for_user');
      const answered = await control(t, 'POST', `/tasks/${task.id}/answer`, { prompt: 'Yes, go ahead' });
      expect(answered.status, show(answered)).toBe(200);
      const after = (await t.get(`/agents/tasks/${task.id}`)).json as { state: string; session_count: number; sessions: Array<{ prompt: string }> };
      expect(after).toMatchObject({ state: 'in_progress', session_count: 2 });
      expect(after.sessions[1]!.prompt).toBe('Yes, go ahead');
      await control(t, 'POST', '/clock/advance', { by: '2m' });
      expect(await stateOf(t, task.id)).toBe('completed');
    },
  );
});
