// The examples in docs/ci are code users copy, so they run here with vitest as a user's project.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { parse } from 'yaml';
import { OPTIONS, envOf } from '../../src/cli/cli-options.js';
import { cleanEnv } from '../support/spawn-cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

it('runs the vitest globalSetup and example tests of docs/ci', { timeout: 120_000 }, async () => {
  const vitest = fileURLToPath(new URL('../../node_modules/vitest/vitest.mjs', import.meta.url));
  const config = fileURLToPath(new URL('./docs-examples.vitest.config.ts', import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, [vitest, 'run', '--config', config, '--reporter', 'json'], {
    cwd: ROOT,
    env: cleanEnv({ CI: '1' }),
    maxBuffer: 16 * 1024 * 1024,
  });
  const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as {
    numTotalTests: number;
    numPassedTests: number;
    testResults: Array<{ assertionResults: Array<{ title: string; status: string }> }>;
  };
  const results = report.testResults.flatMap((r) => r.assertionResults.map((a) => [a.title, a.status]));
  expect(results).toEqual([
    ['starts a task and finds it in the list', 'passed'],
    ['keeps tenants apart', 'passed'],
    ['needs no port at all with the port-less fetch', 'passed'],
  ]);
});

it('configures the service container with variables the CLI reads and the image’s port', () => {
  const workflow = parse(readFileSync(join(ROOT, 'docs/ci/emulator-service.yml'), 'utf8')) as {
    jobs: { test: { services: Record<string, { image: string; ports: string[]; env: Record<string, string>; options: string }> } };
  };
  const service = Object.values(workflow.jobs.test.services)[0]!;
  expect(service.image).toMatch(/^ghcr\.io\/OWNER\/agent-tasks-emulator:/);
  expect(service.ports).toEqual([`${OPTIONS.port.default}:${OPTIONS.port.default}`]);
  const known = (Object.keys(OPTIONS) as Array<keyof typeof OPTIONS>).map(envOf);
  for (const variable of Object.keys(service.env)) expect(known, variable).toContain(variable);
  expect(service.options).toMatch(/--health-interval \S+/);
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
  // The options only time the image's own check, so the image must have one.
  expect(dockerfile).toMatch(/^HEALTHCHECK /m);
});
