import { describe, expect, it } from 'vitest';
import { DEFAULT_GITHUB_MAX_TASKS as SUITE_DEFAULT_GITHUB_MAX_TASKS } from '../../test/contract/harness/target.js';
import { CONTRACT_USAGE, DEFAULT_GITHUB_MAX_TASKS, parseContractArguments, type ContractArguments } from './contract-arguments.js';

const suiteEnv = (args: ContractArguments) => {
  if (args.help) throw new Error('expected a run, not help');
  return args.suiteEnv;
};

describe('parseContractArguments', () => {
  it('starts an in-process emulator when no base URL is given', () => {
    expect(parseContractArguments([], {})).toEqual({ help: false, outDir: 'contract-report', suiteEnv: { CONTRACT_TARGET: 'emulator' }, startEmulator: true });
  });

  it('turns flags into the suite’s variables, over the environment’s', () => {
    const args = parseContractArguments(
      ['--base-url', 'https://api.github.com', '--token', 'ghp_flag', '--repo', 'me/sandbox', '--allow-writes', '--max-tasks', '2', '--out', 'r'],
      { CONTRACT_TOKEN: 'ghp_env', CONTRACT_HIDDEN_REPO: 'them/private', PATH: '/bin' },
    );
    expect(args).toEqual({
      help: false,
      outDir: 'r',
      startEmulator: false,
      suiteEnv: {
        CONTRACT_TARGET: 'github',
        CONTRACT_BASE_URL: 'https://api.github.com',
        CONTRACT_TOKEN: 'ghp_flag',
        CONTRACT_REPO: 'me/sandbox',
        CONTRACT_ALLOW_WRITES: '1',
        CONTRACT_MAX_TASKS: '2',
        CONTRACT_HIDDEN_REPO: 'them/private',
      },
    });
  });

  it('treats any other URL as an emulator unless --target says github, and runs there in a tenant of its own', () => {
    expect(parseContractArguments(['--base-url', 'http://127.0.0.1:4010/'], {}, 'ab12')).toMatchObject({
      startEmulator: false,
      suiteEnv: { CONTRACT_TARGET: 'emulator', CONTRACT_BASE_URL: 'http://127.0.0.1:4010/t/contract-ab12' },
      runTenant: 'contract-ab12',
    });
    expect(parseContractArguments([], { CONTRACT_BASE_URL: 'http://127.0.0.1:4010/t/ci-7' }, 'ab12')).not.toHaveProperty('runTenant');
    expect(suiteEnv(parseContractArguments([], { CONTRACT_BASE_URL: 'http://127.0.0.1:4010/t/ci-7' }, 'ab12')).CONTRACT_BASE_URL).toBe('http://127.0.0.1:4010/t/ci-7');
    expect(parseContractArguments(['--target', 'github', '--base-url', 'http://127.0.0.1:4010', '--token', 't', '--repo', 'a/b'], {})).toMatchObject({
      suiteEnv: { CONTRACT_TARGET: 'github', CONTRACT_BASE_URL: 'http://127.0.0.1:4010' },
    });
  });

  it('takes the control token from the flag or CONTRACT_CONTROL_TOKEN', () => {
    expect(suiteEnv(parseContractArguments(['--control-token', 'flag'], { CONTRACT_CONTROL_TOKEN: 'env' })).CONTRACT_CONTROL_TOKEN).toBe('flag');
    expect(suiteEnv(parseContractArguments([], { CONTRACT_CONTROL_TOKEN: 'env' })).CONTRACT_CONTROL_TOKEN).toBe('env');
  });

  it('says in its help what the code does: the task cap, the control token, the tenant', () => {
    expect(CONTRACT_USAGE).toContain(`default on GitHub: ${DEFAULT_GITHUB_MAX_TASKS})`);
    expect(DEFAULT_GITHUB_MAX_TASKS).toBe(SUITE_DEFAULT_GITHUB_MAX_TASKS);
    expect(CONTRACT_USAGE).toContain('--control-token T');
    expect(CONTRACT_USAGE).toContain('/t/contract-<id>');
  });

  it.each([
    [['--target', 'staging'], /--target must be emulator or github/],
    [['--target', 'github', '--repo', 'a/b'], /--token/],
    [['--target', 'github', '--token', 't'], /--repo/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['positional'], /Unexpected argument 'positional'/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseContractArguments(argv, {})).toThrow(message);
  });
});
