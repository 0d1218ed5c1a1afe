// Runs docs/ci's globalSetup and example test as a user's project would, with the package name
// pointed at this repository's sources (a user's install resolves it to dist/).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const path = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  resolve: { alias: { 'agent-tasks-emulator': path('../../src/index.ts') } },
  test: {
    root: path('../../docs/ci'),
    include: ['*.example.test.ts'],
    globalSetup: [path('../../docs/ci/vitest-global-setup.ts')],
  },
});
