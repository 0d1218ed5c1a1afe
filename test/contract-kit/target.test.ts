import { describe, expect, it } from 'vitest';
import { applicability, checkDeclaration, type ContractDeclaration } from '../contract/harness/applicability.js';
import { EMULATOR_DEFAULTS } from '../contract/harness/emulator-defaults.js';
import { DEFAULT_GITHUB_MAX_TASKS, readTarget } from '../contract/harness/target.js';

const github = { CONTRACT_TARGET: 'github', CONTRACT_TOKEN: 'ghp_x', CONTRACT_REPO: 'me/sandbox' };

describe('readTarget', () => {
  it('defaults to the emulator the suite started, with the built-in fixtures and no budget', () => {
    const t = readTarget({}, 'http://127.0.0.1:4567');
    expect(t).toMatchObject({ kind: 'emulator', baseUrl: 'http://127.0.0.1:4567', realGitHub: false, token: EMULATOR_DEFAULTS.token });
    expect(t.repo).toEqual({ owner: 'octocat', repo: 'hello-world' });
    expect(t.installationToken).toBe(EMULATOR_DEFAULTS.installationToken);
    expect(t.writes).toEqual({ allowed: true, maxTasks: Number.POSITIVE_INFINITY });
  });

  it('prefers CONTRACT_BASE_URL, keeps a tenant path and drops a trailing slash', () => {
    expect(readTarget({ CONTRACT_BASE_URL: 'http://127.0.0.1:9/t/ci/' }, 'http://127.0.0.1:1').baseUrl).toBe('http://127.0.0.1:9/t/ci');
  });

  it('carries the control token to an emulator only, never to GitHub', () => {
    expect(readTarget({ CONTRACT_CONTROL_TOKEN: 'c0ntrol' }, 'http://127.0.0.1:1').controlToken).toBe('c0ntrol');
    expect(readTarget({ ...github, CONTRACT_CONTROL_TOKEN: 'c0ntrol' }).controlToken).toBeUndefined();
  });

  it('talks to api.github.com with the given token and repository, read-only unless allowed', () => {
    const t = readTarget(github);
    expect(t).toMatchObject({ kind: 'github', baseUrl: 'https://api.github.com', realGitHub: true, token: 'ghp_x', repo: { owner: 'me', repo: 'sandbox' } });
    expect(t.installationToken).toBeUndefined();
    expect(t.hiddenRepo).toBeUndefined();
    expect(t.writes.allowed).toBe(false);
    expect(t.writes.reason).toMatch(/CONTRACT_ALLOW_WRITES=1/);
  });

  it('allows writes on GitHub only with the opt-in, within the default or given budget', () => {
    expect(readTarget({ ...github, CONTRACT_ALLOW_WRITES: '1' }).writes).toEqual({ allowed: true, maxTasks: DEFAULT_GITHUB_MAX_TASKS });
    expect(readTarget({ ...github, CONTRACT_ALLOW_WRITES: 'true', CONTRACT_MAX_TASKS: '2' }).writes).toEqual({ allowed: true, maxTasks: 2 });
  });

  it('plays GitHub with another server when CONTRACT_BASE_URL is set, whose known gaps CONTRACT_KNOWN_GAPS names', () => {
    expect(readTarget({ ...github, CONTRACT_BASE_URL: 'http://127.0.0.1:4010' })).toMatchObject({ kind: 'github', realGitHub: false, knownGaps: 'github' });
    expect(readTarget({ ...github, CONTRACT_BASE_URL: 'http://127.0.0.1:4010', CONTRACT_KNOWN_GAPS: 'emulator' }).knownGaps).toBe('emulator');
  });

  it.each([
    [{ CONTRACT_TARGET: 'staging' }, /CONTRACT_TARGET/],
    [{ CONTRACT_TARGET: 'github', CONTRACT_REPO: 'a/b' }, /CONTRACT_TOKEN/],
    [{ CONTRACT_TARGET: 'github', CONTRACT_TOKEN: 't' }, /CONTRACT_REPO/],
    [{ ...github, CONTRACT_REPO: 'no-slash' }, /owner\/repo/],
    [{ ...github, CONTRACT_MAX_TASKS: 'many' }, /CONTRACT_MAX_TASKS/],
    [{ ...github, CONTRACT_ALLOW_WRITES: 'yes please' }, /CONTRACT_ALLOW_WRITES/],
    [{ CONTRACT_BASE_URL: 'localhost:4010' }, /not a URL|http/],
    [{ CONTRACT_BASE_URL: 'http://127.0.0.1:1/?x=1' }, /query/],
    [{}, /no emulator to talk to/],
    [{ ...github, CONTRACT_KNOWN_GAPS: 'nobody' }, /CONTRACT_KNOWN_GAPS/],
  ])('refuses %j', (env, message) => {
    expect(() => readTarget(env)).toThrow(message);
  });
});

describe('applicability', () => {
  const emulator = readTarget({}, 'http://127.0.0.1:1');
  const gh = readTarget(github);
  const decl = (extra: Partial<ContractDeclaration>): ContractDeclaration => ({ runsOn: 'both', behaviour: 'x.y', ...extra });

  it('runs "both" everywhere, and each single-target test only on its target', () => {
    expect(applicability(decl({}), emulator).applicable).toBe(true);
    expect(applicability(decl({}), gh).applicable).toBe(true);
    expect(applicability(decl({ runsOn: 'emulator' }), gh)).toEqual({ applicable: false, reason: expect.stringMatching(/emulator only/) });
    expect(applicability(decl({ runsOn: 'github' }), emulator)).toEqual({ applicable: false, reason: 'GitHub only' });
  });

  it('names the variable a missing credential comes from', () => {
    expect(applicability(decl({ needs: ['installationToken'] }), gh)).toEqual({ applicable: false, reason: 'needs CONTRACT_INSTALLATION_TOKEN, which is not set' });
    expect(applicability(decl({ needs: ['installationToken'] }), emulator).applicable).toBe(true);
  });

  it('keeps write tests off GitHub without the opt-in, and off any target with a zero budget', () => {
    expect(applicability(decl({ writes: true }), gh)).toMatchObject({ applicable: false, reason: expect.stringMatching(/CONTRACT_ALLOW_WRITES/) });
    expect(applicability(decl({ writes: true }), readTarget({ CONTRACT_MAX_TASKS: '0' }, 'http://127.0.0.1:1'))).toEqual({ applicable: false, reason: 'CONTRACT_MAX_TASKS=0' });
  });

  it('needs api.github.com itself for realGitHub tests', () => {
    const double = readTarget({ ...github, CONTRACT_BASE_URL: 'http://127.0.0.1:4010' });
    expect(applicability(decl({ runsOn: 'github', needs: ['realGitHub'] }), double)).toMatchObject({ applicable: false, reason: expect.stringMatching(/api\.github\.com/) });
    expect(applicability(decl({ runsOn: 'github', needs: ['realGitHub'] }), gh).applicable).toBe(true);
  });

  it.each([
    [{ runsOn: 'staging' }, /runsOn/],
    [{ behaviour: 'Has Spaces' }, /behaviour/],
    [{ knownGap: { staging: { reason: 'r', failsWith: /x/ } } }, /emulator or github/],
    [{ knownGap: { emulator: { reason: '', failsWith: /x/ } } }, /reason and a failsWith/],
  ])('checkDeclaration refuses %j', (extra, message) => {
    expect(() => checkDeclaration(decl(extra as Partial<ContractDeclaration>))).toThrow(message);
  });
});
