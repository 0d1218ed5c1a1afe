// Who exists and who may see what: users, organisations, repositories and tokens, as loaded
// from fixtures. Pure lookups; no HTTP concepts here.

export interface Account {
  id: number;
  login: string;
  type: 'User' | 'Organization';
  /** Organisation members (logins), for organisations only. */
  members?: string[];
}

export interface Repository {
  id: number;
  owner: Account;
  name: string;
  private: boolean;
  defaultBranch: string;
  /** Logins with write access besides the owner (and the owner organisation's members). */
  collaborators: string[];
  /** Scenario tasks in this repository follow unless something more specific picks one. */
  defaultScenario?: string;
}

export type TokenKind = 'classic' | 'fine_grained' | 'oauth' | 'app_user' | 'installation';
export type AgentTasksPermission = 'none' | 'read' | 'write';

export interface Token {
  value: string;
  /** Stable key for the token in startEmulator's `tokens` map (fixtures' `name`). */
  name?: string;
  kind: TokenKind;
  user: Account;
  /** Fine-grained and app user tokens: the "Agent tasks" repository permission. */
  agentTasks: AgentTasksPermission;
  /** Fine-grained and app user tokens: repository ids the token was granted; undefined = all. */
  repositoryIds?: ReadonlySet<number>;
  /** Primary rate limit per hour for this token. */
  rateLimit: number;
}

export const TOKEN_PREFIXES: ReadonlyArray<[string, TokenKind]> = [
  ['github_pat_', 'fine_grained'],
  ['ghp_', 'classic'],
  ['gho_', 'oauth'],
  ['ghu_', 'app_user'],
  ['ghs_', 'installation'],
];

export function tokenKindOf(value: string): TokenKind | undefined {
  return TOKEN_PREFIXES.find(([prefix]) => value.startsWith(prefix))?.[1];
}

export interface Directory {
  accounts: ReadonlyMap<string, Account>; // lower-cased login
  repositories: ReadonlyMap<string, Repository>; // lower-cased "owner/name"
  repositoriesById: ReadonlyMap<number, Repository>;
  tokens: ReadonlyMap<string, Token>;
}

export function findRepository(dir: Directory, owner: string, name: string): Repository | undefined {
  return dir.repositories.get(`${owner}/${name}`.toLowerCase());
}

/** Write access to the repository's code, which is what starting or seeing its agent tasks needs. */
export function canAccessRepository(user: Account, repo: Repository): boolean {
  const login = user.login.toLowerCase();
  if (repo.owner.id === user.id) return true;
  if (repo.collaborators.some((c) => c.toLowerCase() === login)) return true;
  return repo.owner.type === 'Organization' && (repo.owner.members ?? []).some((m) => m.toLowerCase() === login);
}

/** Whether a user-scoped token (fine-grained or app user) was granted this repository. */
export function tokenCoversRepository(token: Token, repoId: number): boolean {
  return token.repositoryIds === undefined || token.repositoryIds.has(repoId);
}

export function usesRepositoryPermissions(token: Token): boolean {
  return token.kind === 'fine_grained' || token.kind === 'app_user';
}
