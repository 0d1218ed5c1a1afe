import { BUILT_IN_FIXTURES_DIR, loadFixtures } from '../fixtures/load-fixtures.js';
import { FixtureError } from '../fixtures/parse-fixtures.js';
import type { CliIo } from './cli-io.js';
import type { CliOptions } from './cli-options.js';

/** One thing `validate` checks: what it looked at, and either a summary or the problem found. */
export type CheckResult = { subject: string; ok: true; summary: string } | { subject: string; ok: false; problem: string };

/** `agent-tasks-emulator validate`: runs every check, prints each result, exits 1 if any failed. */
export function runValidate(options: CliOptions, io: CliIo): number {
  const results: CheckResult[] = [
    checkFixtures(options.fixtures),
    // Each further check is one call here, e.g. checkScenarios(options.scenarios).
  ];
  for (const r of results) {
    if (r.ok) io.out(`OK    ${r.subject}: ${r.summary}\n`);
    else io.err(`FAIL  ${r.subject}: ${r.problem}\n`);
  }
  return results.every((r) => r.ok) ? 0 : 1;
}

export function checkFixtures(dir: string | undefined): CheckResult {
  const subject = `fixtures ${dir ?? `${BUILT_IN_FIXTURES_DIR} (built-in)`}`;
  try {
    const { directory, plan } = loadFixtures(dir);
    const accounts = [...directory.accounts.values()];
    const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
    const summary = [
      count(accounts.filter((a) => a.type === 'User').length, 'user'),
      count(accounts.filter((a) => a.type === 'Organization').length, 'organization'),
      count(directory.repositories.size, 'repository', 'repositories'),
      count(directory.tokens.size, 'token'),
      count(plan.groups.reduce((n, g) => n + g.count, 0), 'generated task'),
    ].join(', ');
    return { subject, ok: true, summary };
  } catch (error) {
    // A FixtureError is the answer this command exists to give; anything else is a bug to surface.
    if (error instanceof FixtureError) return { subject, ok: false, problem: error.message };
    throw error;
  }
}
