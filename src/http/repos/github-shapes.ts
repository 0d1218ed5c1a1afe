// GitHub's shapes for the repository operations, from the types generated out of its description
// (src/generated/agent-tasks-api.ts): a renamed or missing field fails to compile.
import type { components } from '../../generated/agent-tasks-api.js';

type Schemas = components['schemas'];
export type SimpleUserBody = Schemas['simple-user'];
export type PrivateUserBody = Schemas['private-user'];
export type RepositoryBody = Schemas['repository'];
export type FullRepositoryBody = Schemas['full-repository'];
export type PullRequestSimpleBody = Schemas['pull-request-simple'];
export type PullRequestBody = Schemas['pull-request'];
export type BranchBody = Schemas['branch-with-protection'];
export type GitRefBody = Schemas['git-ref'];

/** Public API base (tenant prefix included) and web base, no trailing slashes. */
export interface Bases {
  api: string;
  web: string;
}
