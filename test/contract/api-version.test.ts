import { describe, expect } from 'vitest';
import { contractTest } from './harness/contract-test.js';
import { GENERIC_DOCS_URL, show } from './harness/expectations.js';

/** The answer GitHub gives before routing; its `errors` is a string, which the operations' error schema does not allow. */
const VERSION_REJECTION_SCHEMA = {
  type: 'object',
  required: ['message', 'errors', 'documentation_url', 'status'],
  properties: { message: { type: 'string' }, errors: { type: 'string' }, documentation_url: { type: 'string' }, status: { type: 'string' } },
};

describe('X-GitHub-Api-Version', () => {
  contractTest('without the header, 2022-11-28 is selected', { runsOn: 'both', behaviour: 'version.default' }, async ({ api }) => {
    const res = await api.get(api.tasksPath(), { per_page: 1 }, { headers: { 'x-github-api-version': null } });
    expect(res.status, show(res)).toBe(200);
    expect(res.headers.get('x-github-api-version-selected')).toBe('2022-11-28');
  });

  contractTest('2026-03-10 and 2022-11-28 are both accepted and echoed', { runsOn: 'both', behaviour: 'version.supported' }, async ({ api }) => {
    for (const version of ['2026-03-10', '2022-11-28']) {
      const res = await api.get('/agents/tasks', { per_page: 1 }, { headers: { 'x-github-api-version': version } });
      expect(res.status, show(res)).toBe(200);
      expect(res.headers.get('x-github-api-version-selected')).toBe(version);
    }
  });

  contractTest(
    'an unknown version is a 400 with GitHub’s exact body, before authentication',
    { runsOn: 'both', behaviour: 'version.unknown-rejected' },
    async ({ api }) => {
      for (const token of [undefined, null]) {
        const res = await api.get(api.tasksPath(), {}, {
          token,
          headers: { 'x-github-api-version': 'v3' },
          schemaOverride: { reason: 'an unknown version is refused before routing; GitHub sends errors as a string', schema: VERSION_REJECTION_SCHEMA },
        });
        expect(res.status, show(res)).toBe(400);
        expect(res.json).toEqual({
          message: 'Bad Request',
          errors:
            'The version you specified in the "X-GitHub-API-Version" request header, "v3", is not a supported version. ' +
            'The following versions are currently supported: "2026-03-10" (most recent) and "2022-11-28".',
          documentation_url: GENERIC_DOCS_URL,
          status: '400',
        });
      }
    },
  );
});
