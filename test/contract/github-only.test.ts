// Facts about api.github.com itself, which something playing GitHub need not share.
import { describe } from 'vitest';
import { contractTest } from './harness/contract-test.js';
import { GENERIC_DOCS_URL, expectError } from './harness/expectations.js';

describe('api.github.com', () => {
  contractTest(
    'has no emulator control API: the target really is GitHub',
    { runsOn: 'github', behaviour: 'github.no-control-api', needs: ['realGitHub'] },
    async ({ api }) => {
      expectError(await api.request({ path: '/_emulator/health' }), 404, 'Not Found', GENERIC_DOCS_URL);
    },
  );
});
