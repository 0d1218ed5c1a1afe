// The seed article's whole journey with plain fetch, as a script would do it: dispatch a task,
// poll it to completed, then find the pull request the agent opened by each route clients use
// (the list query the article shows, the head filter, the artifact's data.id) and read it by number.
import { startEmulator, type RunningEmulator } from 'agent-tasks-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const TERMINAL = new Set(['completed', 'failed', 'timed_out', 'cancelled']);
const STOP = new Set([...TERMINAL, 'waiting_for_user']);

describe('from task to pull request, with plain fetch', () => {
  let running: RunningEmulator;
  let headers: Record<string, string>;
  const api = (path: string) => `${running.url}${path}`;
  beforeAll(async () => {
    running = await startEmulator({ port: 0, clockMode: 'manual' });
    headers = { authorization: `Bearer ${running.tokens.octocat}`, accept: 'application/vnd.github+json', 'x-github-api-version': '2026-03-10' };
  });
  afterAll(() => running.stop());

  /** The article's wait(): poll every 15 s (moved on the emulator's clock) until a stop state. */
  async function wait(owner: string, repo: string, id: string): Promise<any> {
    for (let polls = 0; polls < 20; polls++) {
      const r = await fetch(api(`/agents/repos/${owner}/${repo}/tasks/${id}`), { headers });
      expect(r.status).toBe(200);
      const task = (await r.json()) as any;
      if (STOP.has(task.state)) return task;
      await running.control.advance('15s');
    }
    throw new Error(`task ${id} did not finish`);
  }

  it('dispatch, poll to completed, and find the pull request three ways', async () => {
    const started = await fetch(api('/agents/repos/octocat/hello-world/tasks'), {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'Replace every direct call to fetch() in src/ with the ApiClient wrapper.', base_ref: 'main', create_pull_request: true }),
    });
    expect(started.status).toBe(201);
    const { id, state } = (await started.json()) as { id: string; state: string };
    expect(state).toBe('queued');
    const task = await wait('octocat', 'hello-world', id);
    expect(task.state).toBe('completed');
    const artifact = task.artifacts.find((a: any) => a.type === 'pull');
    expect(artifact).toBeDefined();

    // 1. The article's query: the newest open pull requests; the agent's is among them.
    const listed = await fetch(api('/repos/octocat/hello-world/pulls?state=open&sort=created&direction=desc&per_page=5'), { headers });
    expect(listed.status).toBe(200);
    const recent = (await listed.json()) as any[];
    expect(recent.length).toBeLessThanOrEqual(5);
    const byArtifact = recent.find((p) => p.id === artifact.data.id);
    expect(byArtifact).toBeDefined();
    expect(byArtifact).toMatchObject({ node_id: artifact.data.global_id, user: { login: 'Copilot' }, head: { ref: task.sessions[0].head_ref }, base: { ref: 'main' } });

    // 2. Filtered by the head branch the agent used.
    const byHead = (await (await fetch(api(`/repos/octocat/hello-world/pulls?head=octocat:${encodeURIComponent(task.sessions[0].head_ref)}`), { headers })).json()) as any[];
    expect(byHead.map((p) => p.id)).toEqual([artifact.data.id]);

    // 3. Read by number, as html_url and the list give it.
    const read = await fetch(api(`/repos/octocat/hello-world/pulls/${byArtifact.number}`), { headers });
    expect(read.status).toBe(200);
    const pull = (await read.json()) as any;
    expect(pull).toMatchObject({ id: artifact.data.id, number: byArtifact.number, state: 'open', draft: true, merged: false, title: task.name });
    expect(pull.html_url).toBe(`https://github.com/octocat/hello-world/pull/${byArtifact.number}`);

    // A reviewer merges it (the control API plays GitHub's web page); a client waiting for the merge sees it.
    await running.control.mergePullRequest('octocat/hello-world', pull.number);
    const merged = (await (await fetch(api(`/repos/octocat/hello-world/pulls/${pull.number}`), { headers })).json()) as any;
    expect(merged).toMatchObject({ state: 'closed', merged: true });
    const open = (await (await fetch(api(`/repos/octocat/hello-world/pulls?head=octocat:${encodeURIComponent(pull.head.ref)}`), { headers })).json()) as any[];
    expect(open).toEqual([]);
  });

  it('a branch-only task leaves a branch the script can read', async () => {
    const started = await fetch(api('/agents/repos/octocat/spoon-knife/tasks'), {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'Draft the release notes', create_pull_request: false }),
    });
    const { id } = (await started.json()) as { id: string };
    const task = await wait('octocat', 'spoon-knife', id);
    const artifact = task.artifacts.find((a: any) => a.type === 'branch');
    const branch = await fetch(api(`/repos/octocat/spoon-knife/branches/${encodeURIComponent(artifact.data.head_ref)}`), { headers });
    expect(branch.status).toBe(200);
    expect(((await branch.json()) as any).commit.sha).toMatch(/^[0-9a-f]{40}$/);
  });
});
