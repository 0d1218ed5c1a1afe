// `agent-tasks-emulator contract` arguments, turned into the CONTRACT_* variables the suite reads
// (test/contract/README.md). Flags win over variables already in the environment.
import { parseArgs } from 'node:util';

export const GITHUB_API_URL = 'https://api.github.com';

export const CONTRACT_USAGE = `Usage: agent-tasks-emulator contract [options]

Runs the contract suite against a target and writes report.md, report.json and junit.xml.

  --target emulator|github     what the target is (default: github for ${GITHUB_API_URL}, else emulator)
  --base-url URL               the API's base URL (default: a fresh in-process emulator;
                               ${GITHUB_API_URL} with --target github)
  --token T                    token to call it with (default on the emulator: octocat's)
  --repo OWNER/REPO            repository to test in (default on the emulator: octocat/hello-world)
  --allow-writes               let tests start tasks on GitHub (always allowed on an emulator)
  --max-tasks N                most tasks the run may start (default on GitHub: 5)
  --installation-token T       optional: a GitHub App installation token, for the 403 test
  --no-permission-token T      optional: a fine-grained token without the Agent tasks permission
  --read-only-token T          optional: a fine-grained token with Agent tasks read only
  --hidden-repo OWNER/REPO     optional: a repository that exists but the token cannot see
  --other-repo OWNER/REPO      optional: a second repository the token may use
  --out DIR                    where the reports go (default: contract-report)
  --help                       show this help

Every option can also come from the environment (CONTRACT_TARGET, CONTRACT_BASE_URL, ...).
Needs vitest (>= 4.1) installed next to agent-tasks-emulator.
`;

/** Flag -> the suite's environment variable. */
const VARIABLES = {
  target: 'CONTRACT_TARGET',
  'base-url': 'CONTRACT_BASE_URL',
  token: 'CONTRACT_TOKEN',
  repo: 'CONTRACT_REPO',
  'max-tasks': 'CONTRACT_MAX_TASKS',
  'installation-token': 'CONTRACT_INSTALLATION_TOKEN',
  'no-permission-token': 'CONTRACT_NO_PERMISSION_TOKEN',
  'read-only-token': 'CONTRACT_READ_ONLY_TOKEN',
  'hidden-repo': 'CONTRACT_HIDDEN_REPO',
  'other-repo': 'CONTRACT_OTHER_REPO',
} as const;

export type ContractArguments =
  | { help: true }
  | {
      help: false;
      outDir: string;
      /** The CONTRACT_* variables for the suite, complete. */
      suiteEnv: Record<string, string>;
      /** No base URL for an emulator target: the command starts one in-process. */
      startEmulator: boolean;
    };

export class ContractUsageError extends Error {
  override name = 'ContractUsageError';
}

export function parseContractArguments(argv: string[], env: NodeJS.ProcessEnv): ContractArguments {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        ...Object.fromEntries(Object.keys(VARIABLES).map((flag) => [flag, { type: 'string' as const }])),
        'allow-writes': { type: 'boolean' },
        out: { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new ContractUsageError((error as Error).message);
  }
  if (values.help) return { help: true };

  const suiteEnv: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (name.startsWith('CONTRACT_') && value !== undefined) suiteEnv[name] = value;
  for (const [flag, variable] of Object.entries(VARIABLES)) {
    const value = values[flag];
    if (typeof value === 'string') suiteEnv[variable] = value;
  }
  if (values['allow-writes']) suiteEnv.CONTRACT_ALLOW_WRITES = '1';

  const baseUrl = suiteEnv.CONTRACT_BASE_URL;
  if (!suiteEnv.CONTRACT_TARGET) suiteEnv.CONTRACT_TARGET = baseUrl && isGitHub(baseUrl) ? 'github' : 'emulator';
  const target = suiteEnv.CONTRACT_TARGET;
  if (target !== 'emulator' && target !== 'github') throw new ContractUsageError(`--target must be emulator or github, got "${target}"`);
  if (target === 'github') {
    if (!suiteEnv.CONTRACT_TOKEN) throw new ContractUsageError('--token (or CONTRACT_TOKEN) is required with --target github');
    if (!suiteEnv.CONTRACT_REPO) throw new ContractUsageError('--repo OWNER/REPO (or CONTRACT_REPO) is required with --target github');
  }
  const outDir = typeof values.out === 'string' ? values.out : 'contract-report';
  return { help: false, outDir, suiteEnv, startEmulator: target === 'emulator' && !baseUrl };
}

function isGitHub(url: string): boolean {
  try {
    return new URL(url).origin === GITHUB_API_URL;
  } catch {
    return false;
  }
}
