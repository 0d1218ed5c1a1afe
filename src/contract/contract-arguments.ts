// `agent-tasks-emulator contract` arguments, turned into the CONTRACT_* variables the suite reads
// (test/contract/README.md). Flags win over variables already in the environment.
import { parseArgs } from 'node:util';

export const GITHUB_API_URL = 'https://api.github.com';
/** The suite's default task cap on GitHub (test/contract/harness/target.ts, which the suite keeps). */
export const DEFAULT_GITHUB_MAX_TASKS = 6;

export const CONTRACT_USAGE = `Usage: agent-tasks-emulator contract [options]

Runs the contract suite against a target and writes report.md, report.json and junit.xml.

  --target emulator|github     what the target is (default: github for ${GITHUB_API_URL}, else emulator)
  --base-url URL               the API's base URL (default: a fresh in-process emulator;
                               ${GITHUB_API_URL} with --target github). On an emulator the
                               run uses a tenant of its own, <URL>/t/contract-<id>, unless the
                               URL already names one: the default tenant is left as it was
  --token T                    token to call it with (default on the emulator: octocat's)
  --control-token T            the emulator's --control-token, for the tests of its control API
  --repo OWNER/REPO            repository to test in (default on the emulator: octocat/hello-world)
  --allow-writes               let tests start tasks on GitHub (always allowed on an emulator)
  --max-tasks N                most tasks the run may start (default on GitHub: ${DEFAULT_GITHUB_MAX_TASKS})
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
  'control-token': 'CONTRACT_CONTROL_TOKEN',
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
      /** The tenant the command chose for the run (and must make), when the URL named none. */
      runTenant?: string;
    };

export class ContractUsageError extends Error {
  override name = 'ContractUsageError';
}

/** The tenant a run on an emulator works in; `runId` makes it the run's own. */
export const contractTenant = (runId: string) => `contract-${runId}`;

/**
 * `runId` names the run's tenant on an emulator (callers pass a random one). A base URL that
 * already ends in a tenant (/t/name) is used as it is.
 */
export function parseContractArguments(argv: string[], env: NodeJS.ProcessEnv, runId = 'run'): ContractArguments {
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
  let runTenant: string | undefined;
  if (target === 'emulator' && baseUrl) {
    suiteEnv.CONTRACT_BASE_URL = inTenant(baseUrl, runId);
    if (suiteEnv.CONTRACT_BASE_URL !== baseUrl.replace(/\/+$/, '')) runTenant = contractTenant(runId);
  }
  return { help: false, outDir, suiteEnv, startEmulator: target === 'emulator' && !baseUrl, ...(runTenant ? { runTenant } : {}) };
}

/** `http://h:4010` -> `http://h:4010/t/contract-<runId>`; a URL already in a tenant stays. */
export function inTenant(baseUrl: string, runId: string): string {
  const trimmed = baseUrl.replace(/\/+$/, '');
  let path: string;
  try {
    path = new URL(trimmed).pathname;
  } catch {
    return baseUrl; // the suite reports a malformed URL with its own message
  }
  return /\/t\/[^/]+$/.test(path) ? trimmed : `${trimmed}/t/${contractTenant(runId)}`;
}

function isGitHub(url: string): boolean {
  try {
    return new URL(url).origin === GITHUB_API_URL;
  } catch {
    return false;
  }
}
