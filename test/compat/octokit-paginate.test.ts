// @octokit/plugin-paginate-rest on the task lists. The list answer is an object ({tasks, totals}),
// not an array, and has no total_count, so paginate does not unwrap it: without a map function it
// returns one element per page. Scripts need `(response) => response.data.tasks`.
import { Octokit } from '@octokit/core';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { startEmulator, type RunningEmulator } from 'agent-tasks-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PaginatingOctokit = Octokit.plugin(paginateRest);
const route = 'GET /agents/repos/{owner}/{repo}/tasks' as const;
const params = { owner: 'octocat', repo: 'hello-world', per_page: 50, headers: { 'x-github-api-version': '2026-03-10' } };

describe('@octokit/plugin-paginate-rest', () => {
  let running: RunningEmulator;
  let octokit: InstanceType<typeof PaginatingOctokit>;
  beforeAll(async () => {
    running = await startEmulator({ port: 0 });
    octokit = new PaginatingOctokit({ auth: running.tokens.octocat, baseUrl: running.url });
  });
  afterAll(() => running.stop());

  it('walks all 160 tasks of octocat/hello-world, active and archived, once each, with a map function', async () => {
    const tasks = (response: { data: { tasks: Array<{ id: string }> } }) => response.data.tasks;
    const active = await octokit.paginate(route, params, tasks);
    const archived = await octokit.paginate(route, { ...params, is_archived: true }, tasks);
    const ids = [...active, ...archived].map((t) => t.id);
    expect(ids).toHaveLength(160);
    expect(new Set(ids).size).toBe(160);
  });

  it('returns one list object per page without a map function, because the answer is not an array', async () => {
    const pages = (await octokit.paginate(route, params)) as unknown as Array<{ tasks: unknown[]; total_active_count: number }>;
    const active = pages[0]!.total_active_count;
    expect(pages).toHaveLength(Math.ceil(active / 50));
    expect(pages.reduce((n, page) => n + page.tasks.length, 0)).toBe(active);
  });

  it('follows rel="next" page by page with paginate.iterator', async () => {
    const archived = (await octokit.request(route, params)).data.total_archived_count;
    const sizes: number[] = [];
    for await (const response of octokit.paginate.iterator(route, { ...params, is_archived: true, per_page: 5 })) {
      sizes.push((response.data as unknown as { tasks: unknown[] }).tasks.length);
    }
    expect(sizes).toHaveLength(Math.ceil(archived! / 5));
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(archived);
    expect(sizes.slice(0, -1).every((n) => n === 5)).toBe(true);
  });
});
