import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILT_IN_FIXTURES_DIR } from '../fixtures/load-fixtures.js';
import { parseCommandLine } from './parse-command-line.js';
import { runValidate } from './validate-command.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the built-in fixtures, with some files replaced. */
function fixturesWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'fixtures-'));
  dirs.push(dir);
  cpSync(BUILT_IN_FIXTURES_DIR, dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function validate(argv: string[]) {
  const command = parseCommandLine(['validate', ...argv], {});
  if (command.name !== 'validate') throw new Error('not validate');
  const out: string[] = [];
  const err: string[] = [];
  const code = runValidate(command.options, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join(''), err: err.join('') };
}

describe('validate', () => {
  it('passes the built-in fixtures and says what they hold', () => {
    const { code, out, err } = validate([]);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toMatch(/^OK {4}fixtures .*\(built-in\): 3 users, 1 organization, 4 repositories, 9 tokens, 185 generated tasks\n/);
    expect(out).toMatch(/\nOK {4}scenarios \(built-in\): 11 scenarios \(branch-only, .*\); default happy-path\n$/);
  });

  it('passes a valid copy given by --fixtures', () => {
    const dir = fixturesWith({});
    expect(validate(['--fixtures', dir])).toMatchObject({ code: 0, out: expect.stringContaining(`fixtures ${dir}: `) });
  });

  it('fails with the FixtureError naming the file and the problem', () => {
    const dir = fixturesWith({ 'tokens.yaml': 'tokens:\n  - { token: ghp_abc, user: nobody }\n' });
    const { code, out, err } = validate(['--fixtures', dir]);
    expect(code).toBe(1);
    expect(out).toMatch(/^OK {4}scenarios/);
    expect(err).toBe(`FAIL  fixtures ${dir}: ${join(dir, 'tokens.yaml')}: user nobody is not a user in ${join(dir, 'accounts.yaml')}\n`);
  });

  it('fails on YAML that does not parse, and on a folder that is not there', () => {
    const dir = fixturesWith({ 'accounts.yaml': 'users: [\n' });
    expect(validate(['--fixtures', dir])).toMatchObject({ code: 1, err: expect.stringContaining('accounts.yaml: not valid YAML') });
    expect(validate(['--fixtures', join(dir, 'missing')])).toMatchObject({ code: 1, err: expect.stringContaining('accounts.yaml: file not found') });
  });

  it('checks a scenarios folder, the default scenario and repository defaults', () => {
    const scenarios = mkdtempSync(join(tmpdir(), 'scenarios-'));
    dirs.push(scenarios);
    writeFileSync(join(scenarios, 'mine.yaml'), 'name: mine\nsteps:\n  - { state: completed, after: 1s }\n');
    expect(validate(['--scenarios', scenarios])).toMatchObject({ code: 1, err: expect.stringMatching(/mine\.yaml: step 1 \(completed\): Cannot move a task from queued to completed/) });
    writeFileSync(join(scenarios, 'mine.yaml'), 'name: mine\nsteps:\n  - { state: in_progress, after: 1s }\n');
    expect(validate(['--scenarios', scenarios, '--default-scenario', 'mine'])).toMatchObject({ code: 0, out: expect.stringContaining('12 scenarios') });
    expect(validate(['--default-scenario', 'nope'])).toMatchObject({ code: 1, err: expect.stringContaining('default scenario nope is not one of') });
    const fixtures = fixturesWith({ 'repositories.yaml': 'repositories:\n  - { owner: octocat, name: hello-world, id: 1296269, default_scenario: ghost }\n  - { owner: octocat, name: spoon-knife, id: 1300192 }\n  - { owner: octo-org, name: octo-repo, id: 1296270 }\n  - { owner: hubot, name: secret-plans, id: 1296271 }\n' });
    expect(validate(['--fixtures', fixtures])).toMatchObject({ code: 1, err: expect.stringContaining('octocat/hello-world: default_scenario ghost') });
  });

  it('checks a fault rules file when one is given', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faults-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'ok.yaml'), 'faults:\n  - { match: { path: /agents/tasks }, error: { status: 502 } }\n');
    writeFileSync(join(dir, 'bad.yaml'), 'faults:\n  - { error: { status: 99 } }\n');
    expect(validate(['--faults', join(dir, 'ok.yaml')])).toMatchObject({ code: 0, out: expect.stringContaining('fault rules') });
    expect(validate(['--faults', join(dir, 'bad.yaml')])).toMatchObject({ code: 1, err: expect.stringContaining('bad.yaml') });
  });
});
