import { describe, expect } from 'vitest';
import { contractTest } from './harness/contract-test.js';
import { show } from './harness/expectations.js';

describe('headers GitHub sends', () => {
  contractTest(
    'request id, media type, caching and rate-limit headers on a list',
    { runsOn: 'both', behaviour: 'headers.standard' },
    async ({ api }) => {
      const res = await api.get(api.tasksPath(), { per_page: 1 });
      expect(res.status, show(res)).toBe(200);
      const h = (name: string) => res.headers.get(name);
      expect(h('x-github-request-id')).toMatch(/^[0-9A-F]+(?::[0-9A-F]+){4}$/);
      expect(h('x-github-media-type')).toBe('github.v3; format=json');
      expect(h('cache-control')).toBe('private, max-age=60, s-maxage=60');
      expect(h('vary')?.split(/,\s*/)).toEqual(expect.arrayContaining(['Accept', 'Authorization']));
      const limit = Number(h('x-ratelimit-limit'));
      const remaining = Number(h('x-ratelimit-remaining'));
      const used = Number(h('x-ratelimit-used'));
      expect(Number.isInteger(limit) && limit > 0, `x-ratelimit-limit ${h('x-ratelimit-limit')}`).toBe(true);
      expect(remaining + used, 'remaining + used = limit').toBe(limit);
      expect(h('x-ratelimit-resource')).toBe('core');
      // Epoch seconds within the hour-long window (a little slack for clock differences).
      const reset = Number(h('x-ratelimit-reset'));
      const now = Date.now() / 1000;
      expect(reset > now - 60 && reset <= now + 3660, `x-ratelimit-reset ${reset} vs now ${Math.round(now)}`).toBe(true);
    },
  );

  contractTest(
    'an error body holds exactly message, documentation_url and status',
    { runsOn: 'both', behaviour: 'errors.shape' },
    async ({ api }) => {
      const res = await api.get(api.tasksPath('/f0f0f0f0-0000-4000-8000-00000000beef'));
      expect(res.status, show(res)).toBe(404);
      expect(Object.keys(res.json as object).sort()).toEqual(['documentation_url', 'message', 'status']);
    },
  );
});
