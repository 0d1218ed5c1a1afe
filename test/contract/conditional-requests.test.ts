import { describe, expect } from 'vitest';
import type { ApiClient, ApiRequest, ApiResponse } from './harness/api-client.js';
import { contractTest } from './harness/contract-test.js';
import { show } from './harness/expectations.js';
import { listBody } from './harness/lists.js';

/**
 * GET, then GET again with If-None-Match: a 304 without a body. A 200 is right only when the
 * resource changed in between (agents and scripted lifecycles move tasks), so that is retried.
 */
async function expectNotModified(api: ApiClient, path: string, query: ApiRequest['query']): Promise<{ first: ApiResponse; again: ApiResponse }> {
  for (let attempt = 1; attempt <= 3; attempt++) {
    const first = await api.get(path, query);
    const etag = first.headers.get('etag');
    expect(etag, `ETag of ${show(first)}`).toMatch(/^(W\/)?"[^"]+"$/);
    const again = await api.get(path, query, { headers: { 'if-none-match': etag! } });
    if (again.status === 304) {
      expect(again.text).toBe('');
      expect(again.headers.get('etag')).toBe(etag);
      return { first, again };
    }
    expect(again.status, show(again)).toBe(200);
    expect(again.headers.get('etag'), 'a 200 to If-None-Match must carry a new ETag').not.toBe(etag);
  }
  throw new Error(`${path} changed on every attempt; no 304 could be observed`);
}

describe('conditional requests', () => {
  contractTest('If-None-Match with the current ETag answers 304 without a body', { runsOn: 'both', behaviour: 'cache.etag' }, async ({ api, skip }) => {
    const task = listBody(await api.get(api.tasksPath(), { per_page: 5 })).tasks[0];
    if (!task) return skip('the repository has no tasks');
    await expectNotModified(api, api.tasksPath(), { per_page: 5 });
    await expectNotModified(api, api.tasksPath(`/${task.id}`), {});
    const stale = await api.get(api.tasksPath(), { per_page: 5 }, { headers: { 'if-none-match': 'W/"not-the-current-etag"' } });
    expect(stale.status, show(stale)).toBe(200);
  });

  contractTest('a 304 does not count against the rate limit', { runsOn: 'both', behaviour: 'cache.not-modified-is-free' }, async ({ api }) => {
    const { first, again } = await expectNotModified(api, '/agents/tasks', { per_page: 1 });
    const used = Number(first.headers.get('x-ratelimit-used'));
    expect(Number.isInteger(used), `x-ratelimit-used of ${show(first)}`).toBe(true);
    expect(Number(again.headers.get('x-ratelimit-used')), 'used after the 304').toBe(used);
    const counted = await api.get('/agents/tasks', { per_page: 2 });
    expect(Number(counted.headers.get('x-ratelimit-used')), 'used after the next 200').toBe(used + 1);
  });
});
