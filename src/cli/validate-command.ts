import { BUILT_IN_FIXTURES_DIR, loadFixtures } from '../fixtures/load-fixtures.js';
import { FixtureError } from '../fixtures/parse-fixtures.js';
import { loadScenarios } from '../engine/load-scenarios.js';
import { ScenarioError } from '../engine/parse-scenario.js';
import { FaultRuleError, loadFaultRules } from '../faults/load-fault-rules.js';
import type { CliIo } from './cli-io.js';
import type { CliOptions } from './cli-options.js';

/** One thing `validate` checks: what it looked at, and either a summary or the problem found. */
export type CheckResult = { subject: string; ok: true; summary: string } | { subject: string; ok: false; problem: string };

/** `agent-tasks-emulator validate`: runs every check, prints each result, exits 1 if any failed. */
export function runValidate(options: CliOptions, io: CliIo): number {
  const results: CheckResult[] = [
    checkFixtures(options.fixtures),
    checkScenarios(options.scenarios, options.defaultScenario, options.fixtures),
    ...(options.faults === undefined ? [] : [checkFaults(options.faults)]),
  ];
  for (const r of results) {
    if (r.ok) io.out(`OK    ${r.subject}: ${r.summary}\n`);
    else io.err(`FAIL  ${r.subject}: ${r.problem}\n`);
  }
  return results.every((r) => r.ok) ? 0 : 1;
}

export function checkScenarios(dir: string | undefined, defaultScenario: string, fixturesDir: string | undefined): CheckResult {
  const subject = `scenarios ${dir === undefined ? '(built-in)' : `${dir} and the built-in ones`}`;
  try {
    const catalogue = loadScenarios(dir === undefined ? [] : [dir]);
    const known = [...catalogue.keys()].sort();
    if (!catalogue.has(defaultScenario)) return { subject, ok: false, problem: `default scenario ${defaultScenario} is not one of: ${known.join(', ')}` };
    try {
      for (const repo of loadFixtures(fixturesDir).directory.repositories.values()) {
        if (repo.defaultScenario !== undefined && !catalogue.has(repo.defaultScenario)) {
          return { subject, ok: false, problem: `${repo.owner.login}/${repo.name}: default_scenario ${repo.defaultScenario} is not one of: ${known.join(', ')}` };
        }
      }
    } catch (error) {
      if (!(error instanceof FixtureError)) throw error; // reported by the fixtures check
    }
    return { subject, ok: true, summary: `${known.length} scenarios (${known.join(', ')}); default ${defaultScenario}` };
  } catch (error) {
    if (error instanceof ScenarioError) return { subject, ok: false, problem: error.message };
    throw error;
  }
}

export function checkFaults(file: string): CheckResult {
  const subject = `fault rules ${file}`;
  try {
    const rules = loadFaultRules(file);
    return { subject, ok: true, summary: `${rules.length} rule${rules.length === 1 ? '' : 's'}` };
  } catch (error) {
    if (error instanceof FaultRuleError) return { subject, ok: false, problem: error.message };
    throw error;
  }
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
