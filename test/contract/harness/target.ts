// Which API the contract suite talks to, read from the environment (test/contract/README.md
// lists every variable). Pure: the environment is passed in, so the kit's own tests can
// exercise every combination.
import { EMULATOR_DEFAULTS } from './emulator-defaults.js';

export type TargetKind = 'emulator' | 'github';

export const GITHUB_API_URL = 'https://api.github.com';

/**
 * Most tasks one run may start on GitHub when CONTRACT_MAX_TASKS is not set: the five the write
 * tests start when every answer is as expected, plus one slot that the requests GitHub should
 * refuse borrow and give back (task-budget.ts explains the accounting).
 */
export const DEFAULT_GITHUB_MAX_TASKS = 6;

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface ContractTarget {
  kind: TargetKind;
  /** API base URL without a trailing slash; may carry a path (an emulator tenant: /t/name). */
  baseUrl: string;
  /** The base URL is api.github.com itself, not something playing GitHub. */
  realGitHub: boolean;
  token: string;
  /** The emulator's control token (CONTRACT_CONTROL_TOKEN), sent only to /_emulator on an emulator. */
  controlToken?: string;
  repo: RepoRef;
  /** Optional extras; a test that needs a missing one is reported as not applicable. */
  installationToken?: string;
  noPermissionToken?: string;
  readOnlyToken?: string;
  hiddenRepo?: RepoRef;
  otherRepo?: RepoRef;
  /**
   * Whose known gaps apply: the target's own kind, unless CONTRACT_KNOWN_GAPS says that what
   * answers is something else (CI plays GitHub with an emulator, which brings its gaps along).
   */
  knownGaps: TargetKind;
  /** Whether tests may start tasks, and how many one run may start. */
  writes: { allowed: boolean; maxTasks: number; reason?: string };
}

export class ContractConfigError extends Error {
  override name = 'ContractConfigError';
}

/**
 * Reads the target. `launchedBaseUrl` is the URL of an emulator the suite started itself
 * (global-setup.ts); it is used only when CONTRACT_BASE_URL is absent.
 */
export function readTarget(env: Record<string, string | undefined>, launchedBaseUrl?: string): ContractTarget {
  const kind = (env.CONTRACT_TARGET?.trim() || 'emulator') as TargetKind;
  if (kind !== 'emulator' && kind !== 'github') {
    throw new ContractConfigError(`CONTRACT_TARGET must be "emulator" or "github", got "${env.CONTRACT_TARGET}"`);
  }
  const given = (name: string) => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const emulatorDefault = <K extends keyof typeof EMULATOR_DEFAULTS>(key: K) => (kind === 'emulator' ? EMULATOR_DEFAULTS[key] : undefined);

  const rawBase = given('CONTRACT_BASE_URL') ?? (kind === 'github' ? GITHUB_API_URL : launchedBaseUrl);
  if (!rawBase) {
    throw new ContractConfigError('no emulator to talk to: set CONTRACT_BASE_URL or run the suite through its vitest project, whose global setup starts one');
  }
  const baseUrl = normaliseBaseUrl(rawBase);
  const token = given('CONTRACT_TOKEN') ?? emulatorDefault('token');
  const repo = given('CONTRACT_REPO') ?? emulatorDefault('repo');
  if (!token) throw new ContractConfigError('CONTRACT_TOKEN is required with CONTRACT_TARGET=github');
  if (!repo) throw new ContractConfigError('CONTRACT_REPO (owner/repo) is required with CONTRACT_TARGET=github');

  return {
    kind,
    baseUrl,
    realGitHub: new URL(baseUrl).origin === GITHUB_API_URL,
    token,
    // Never sent to GitHub: it belongs to the emulator's control API alone.
    controlToken: kind === 'emulator' ? given('CONTRACT_CONTROL_TOKEN') : undefined,
    repo: parseRepo(repo, 'CONTRACT_REPO'),
    installationToken: given('CONTRACT_INSTALLATION_TOKEN') ?? emulatorDefault('installationToken'),
    noPermissionToken: given('CONTRACT_NO_PERMISSION_TOKEN') ?? emulatorDefault('noPermissionToken'),
    readOnlyToken: given('CONTRACT_READ_ONLY_TOKEN') ?? emulatorDefault('readOnlyToken'),
    hiddenRepo: optionalRepo(given('CONTRACT_HIDDEN_REPO') ?? emulatorDefault('hiddenRepo'), 'CONTRACT_HIDDEN_REPO'),
    otherRepo: optionalRepo(given('CONTRACT_OTHER_REPO') ?? emulatorDefault('otherRepo'), 'CONTRACT_OTHER_REPO'),
    knownGaps: readKnownGaps(given('CONTRACT_KNOWN_GAPS') ?? kind),
    writes: readWrites(kind, given('CONTRACT_ALLOW_WRITES'), given('CONTRACT_MAX_TASKS')),
  };
}

function readKnownGaps(value: string): TargetKind {
  if (value !== 'emulator' && value !== 'github') throw new ContractConfigError(`CONTRACT_KNOWN_GAPS must be "emulator" or "github", got "${value}"`);
  return value;
}

function readWrites(kind: TargetKind, allow: string | undefined, max: string | undefined): ContractTarget['writes'] {
  let maxTasks = kind === 'github' ? DEFAULT_GITHUB_MAX_TASKS : Number.POSITIVE_INFINITY;
  if (max !== undefined) {
    if (!/^\d+$/.test(max)) throw new ContractConfigError(`CONTRACT_MAX_TASKS must be a whole number, got "${max}"`);
    maxTasks = Number(max);
  }
  if (allow !== undefined && !/^(1|true|0|false)$/i.test(allow)) {
    throw new ContractConfigError(`CONTRACT_ALLOW_WRITES must be 1/true or 0/false, got "${allow}"`);
  }
  const allowFlag = allow === undefined ? undefined : /^(1|true)$/i.test(allow);
  // An emulator is ours to fill with tasks; GitHub starts real agent sessions, so it takes an opt-in.
  if (kind === 'github' && allowFlag !== true) {
    return { allowed: false, maxTasks, reason: 'starts tasks on GitHub: set CONTRACT_ALLOW_WRITES=1 (and CONTRACT_MAX_TASKS)' };
  }
  if (allowFlag === false) return { allowed: false, maxTasks, reason: 'CONTRACT_ALLOW_WRITES=0' };
  return { allowed: true, maxTasks };
}

function normaliseBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ContractConfigError(`CONTRACT_BASE_URL is not a URL: "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ContractConfigError(`CONTRACT_BASE_URL must be http(s): "${raw}"`);
  if (url.search || url.hash) throw new ContractConfigError(`CONTRACT_BASE_URL must not carry a query or fragment: "${raw}"`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function parseRepo(value: string, variable: string): RepoRef {
  const match = /^([A-Za-z0-9][A-Za-z0-9-]*)\/([A-Za-z0-9._-]+)$/.exec(value);
  if (!match) throw new ContractConfigError(`${variable} must look like owner/repo, got "${value}"`);
  return { owner: match[1]!, repo: match[2]! };
}

function optionalRepo(value: string | undefined, variable: string): RepoRef | undefined {
  return value === undefined ? undefined : parseRepo(value, variable);
}

/** One line naming the target, for logs and reports. Never prints tokens. */
export function describeTarget(target: ContractTarget): string {
  const writes = target.writes.allowed
    ? `${Number.isFinite(target.writes.maxTasks) ? `writes allowed (at most ${target.writes.maxTasks} tasks)` : 'writes allowed'}`
    : 'read-only';
  const gaps = target.knownGaps === target.kind ? '' : `, expecting the ${target.knownGaps}'s known gaps`;
  return `${target.kind} at ${target.baseUrl}, repository ${target.repo.owner}/${target.repo.repo}, ${writes}${gaps}`;
}
