import { describe, expect } from 'vitest';
import { contractTest } from './harness/contract-test.js';
import { show } from './harness/expectations.js';
import { listBody } from './harness/lists.js';

describe('conditional requests', () => {
  contractTest('If-None-Match with the current ETag answers 304 without a body', { runsOn: 'both', behaviour: 'cache.etag' }, async ({ api, skip }) => {
    const list = await api.get(api.tasksPath(), { per_page: 5 });
    const task = listBody(list).tasks[0];
    if (!task) return skip('the repository has no tasks');
    const one = await api.get(api.tasksPath(`/${task.id}`));
    for (const res of [list, one]) {
      const etag = res.headers.get('etag');
      expect(etag, `ETag of ${show(res)}`).toMatch(/^(W\/)?"[^"]+"$/);
      const path = api.pathOf(res.url);
      const again = await api.get(path, res.url.searchParams, { headers: { 'if-none-match': etag! } });
      expect(again.status, show(again)).toBe(304);
      expect(again.text).toBe('');
      const stale = await api.get(path, res.url.searchParams, { headers: { 'if-none-match': 'W/"not-the-current-etag"' } });
      expect(stale.status, show(stale)).toBe(200);
    }
  });

  contractTest('a 304 does not count against the rate limit', { runsOn: 'both', behaviour: 'cache.not-modified-is-free' }, async ({ api }) => {
    const first = await api.get('/agents/tasks', { per_page: 1 });
    const used = Number(first.headers.get('x-ratelimit-used'));
    expect(Number.isInteger(used), `x-ratelimit-used of ${show(first)}`).toBe(true);
    const notModified = await api.get('/agents/tasks', { per_page: 1 }, { headers: { 'if-none-match': first.headers.get('etag')! } });
    expect(notModified.status).toBe(304);
    expect(Number(notModified.headers.get('x-ratelimit-used')), 'used after the 304').toBe(used);
    const counted = await api.get('/agents/tasks', { per_page: 2 });
    expect(Number(counted.headers.get('x-ratelimit-used')), 'used after the next 200').toBe(used + 1);
  });
});
