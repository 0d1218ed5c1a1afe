// Tests against the emulator started by vitest-global-setup.ts. Each test gets its own tenant,
// so tests can run in parallel without seeing each other's tasks.
import { createEmulatorFetch } from 'agent-tasks-emulator';
import { expect, inject, it } from 'vitest';

/** A base URL no other test uses: the emulator makes the tenant on first use. */
function tenantUrl(name: string): string {
  const tenant = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 40)}-${Math.random().toString(36).slice(2, 8)}`;
  return `${inject('emulatorUrl')}/t/${tenant}`;
}

const headers = {
  authorization: `Bearer ${inject('emulatorToken')}`,
  accept: 'application/vnd.github+json',
  'x-github-api-version': '2026-03-10',
};

it('starts a task and finds it in the list', async ({ task }) => {
  const base = tenantUrl(task.name);
  const created = await fetch(`${base}/agents/repos/octocat/hello-world/tasks`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ prompt: 'Add a contributing guide', create_pull_request: true }),
  });
  expect(created.status).toBe(201);
  const { id, state } = (await created.json()) as { id: string; state: string };
  expect(state).toBe('queued');

  const list = await fetch(`${base}/agents/repos/octocat/hello-world/tasks?sort=created_at&per_page=1`, { headers });
  const body = (await list.json()) as { tasks: Array<{ id: string }> };
  expect(body.tasks[0]?.id).toBe(id);
});

it('keeps tenants apart', async ({ task }) => {
  const count = async (base: string) => ((await (await fetch(`${base}/_emulator/health`)).json()) as { tasks: number }).tasks;
  const mine = tenantUrl(task.name);
  const before = await count(mine);
  await fetch(`${mine}/agents/repos/octocat/hello-world/tasks`, { method: 'POST', headers, body: '{"prompt":"Only here"}' });
  expect(await count(mine)).toBe(before + 1);
  expect(await count(tenantUrl('someone-else'))).toBe(before);
});

it('needs no port at all with the port-less fetch', async () => {
  // Its own emulator in this worker; any origin works, octokit's default included.
  const fetch = createEmulatorFetch();
  const res = await fetch('https://api.github.com/agents/tasks?per_page=2', { headers });
  expect(res.status).toBe(200);
  expect(((await res.json()) as { tasks: unknown[] }).tasks).toHaveLength(2);
});
