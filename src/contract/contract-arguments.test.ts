import { describe, expect, it } from 'vitest';
import { parseContractArguments } from './contract-arguments.js';

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

  it('treats any other URL as an emulator unless --target says github', () => {
    expect(parseContractArguments(['--base-url', 'http://127.0.0.1:4010'], {})).toMatchObject({ startEmulator: false, suiteEnv: { CONTRACT_TARGET: 'emulator' } });
    expect(parseContractArguments(['--target', 'github', '--base-url', 'http://127.0.0.1:4010', '--token', 't', '--repo', 'a/b'], {})).toMatchObject({
      suiteEnv: { CONTRACT_TARGET: 'github', CONTRACT_BASE_URL: 'http://127.0.0.1:4010' },
    });
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
