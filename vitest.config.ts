import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';
import { ParityReporter } from './src/contract/parity-reporter.js';

const root = fileURLToPath(new URL('.', import.meta.url));
// CONTRACT_REPORT_DIR=out npm run test:contract also writes the parity report (report.md/json).
const reportDir = process.env.CONTRACT_REPORT_DIR;

export default defineConfig({
  resolve: {
    // The contract suite and compat tests start the emulator through the package's public entry,
    // `agent-tasks-emulator`. Aliasing it to the source keeps `npm test` free of a build step;
    // docs/decisions/0004-contract-kit.md explains why this is not a relative import.
    alias: [{ find: /^agent-tasks-emulator$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) }],
  },
  test: {
    reporters: reportDir ? ['default', new ParityReporter(reportDir, root, 'contract')] : ['default'],
    pool: 'forks',
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/contract/**'],
        },
      },
      {
        extends: true,
        test: {
          // test/contract/README.md: the target comes from CONTRACT_* environment variables.
          name: 'contract',
          include: ['test/contract/**/*.test.ts'],
          globalSetup: ['test/contract/harness/global-setup.ts'],
          // One worker, files one after another: the suite shares one target (and on GitHub one
          // repository), and tests that page through lists must not race tests that add tasks.
          fileParallelism: false,
          isolate: false,
        },
      },
    ],
  },
});
