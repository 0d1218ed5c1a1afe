// From a task to its pull request on the emulator, by the three routes a client with only the
// task's id and repository has: the list filtered by head, the artifact's data.id in the list, and
// the number. Emulator only: it starts a task and moves the clock and merges with /_emulator.
import { describe, expect } from 'vitest';
import type { ApiClient } from './harness/api-client.js';
import { contractTest } from './harness/contract-test.js';
import { show } from './harness/expectations.js';

/** A tenant of the test's own, made through the control API (so a guarded emulator allows it). */
function tenantOf(api: ApiClient, label: string): Promise<ApiClient> {
  return api.newTenant(`contract-${label}-${process.pid}-${Date.now()}`);
}

const control = (api: ApiClient, path: string, json?: unknown) => api.request({ method: 'POST', path: `/_emulator${path}`, token: null, json });

describe('a task’s pull request (emulator)', () => {
  contractTest(
    'a completed task’s pull artifact is a draft pull request of the repository, found by head, by id and by number, and merged by the control API',
    { runsOn: 'emulator', behaviour: 'emulator.task-pull-request', writes: true },
    async ({ api, target }) => {
      const t = await tenantOf(api, 'pull');
      const repo = `/repos/${target.repo.owner}/${target.repo.repo}`;
      const started = await t.createTask({ prompt: 'Contract: open a pull request', create_pull_request: true });
      expect(started.status, show(started)).toBe(201);
      const id = (started.json as { id: string }).id;
      await control(t, '/clock/advance', { by: '5m' });
      const task = (await t.get(`/agents/tasks/${id}`)).json as { state: string; artifacts: Array<{ type: string; data: { id: number; global_id: string } }>; sessions: Array<{ head_ref: string; base_ref: string }> };
      expect(task.state).toBe('completed');
      const artifact = task.artifacts.find((a) => a.type === 'pull')!;
      const session = task.sessions[0]!;

      const byHead = await t.get(`${repo}/pulls`, { head: `${target.repo.owner}:${session.head_ref}` });
      expect(byHead.status, show(byHead)).toBe(200);
      const [pull] = byHead.json as Array<{ id: number; node_id: string; number: number; draft: boolean; base: { ref: string } }>;
      expect(pull).toMatchObject({ id: artifact.data.id, node_id: artifact.data.global_id, draft: true, base: { ref: session.base_ref } });

      const recent = (await t.get(`${repo}/pulls`, { state: 'open', sort: 'created', direction: 'desc', per_page: 5 })).json as Array<{ id: number }>;
      expect(recent.map((p) => p.id)).toContain(artifact.data.id);

      const byNumber = await t.get(`${repo}/pulls/${pull!.number}`);
      expect(byNumber.json).toMatchObject({ id: artifact.data.id, state: 'open', merged: false, user: { login: 'Copilot', type: 'Bot' } });

      const merged = await control(t, `${repo}/pulls/${pull!.number}/merge`);
      expect(merged.status, show(merged)).toBe(200);
      expect((await t.get(`${repo}/pulls/${pull!.number}`)).json).toMatchObject({ state: 'closed', merged: true });
      expect((await control(t, `${repo}/pulls/${pull!.number}/merge`)).status).toBe(409);
    },
  );

  contractTest(
    'a branch-only task leaves a branch with a commit, readable as a branch and a ref',
    { runsOn: 'emulator', behaviour: 'emulator.task-branch', writes: true },
    async ({ api, target }) => {
      const t = await tenantOf(api, 'branch');
      const started = await t.createTask({ prompt: 'Contract: push a branch', create_pull_request: false });
      const id = (started.json as { id: string }).id;
      await control(t, '/clock/advance', { by: '5m' });
      const task = (await t.get(`/agents/tasks/${id}`)).json as { artifacts: Array<{ type: string; data: { head_ref: string } }> };
      const name = task.artifacts.find((a) => a.type === 'branch')!.data.head_ref;
      const repo = `/repos/${target.repo.owner}/${target.repo.repo}`;
      const branch = await t.get(`${repo}/branches/${encodeURIComponent(name)}`);
      expect(branch.status, show(branch)).toBe(200);
      const ref = await t.get(`${repo}/git/ref/heads/${name}`);
      expect((ref.json as { object: { sha: string } }).object.sha).toBe((branch.json as { commit: { sha: string } }).commit.sha);
    },
  );
});
