import { sha1Hex } from '../../support/sha1.js';
import type { Context, Hono } from 'hono';
import type { OperationId } from './api-types.js';
import { DEFAULT_API_VERSION } from './messages.js';
import { authenticate } from './authenticate.js';
import { countRateLimit, refundNotModified } from './count-rate-limit.js';
import type { ApiEnv } from './env.js';

export interface RepositoryRouteOptions {
  docsUrl: Record<OperationId, string>;
  webBaseUrl: string;
  /** Public origin written into Link headers; undefined = the request's own origin. */
  publicBaseUrl?: string;
  /** The slice, for what each API version removed from the answers. */
  spec: object;
}

/**
 * Registers a GET operation as the agent-tasks routes do (http/agent-tasks/agent-tasks-routes.ts):
 * its documentation URL for error bodies, authentication, rate limits, and no charge for a 304.
 */
export function githubGet(routes: Hono<ApiEnv>, options: Pick<RepositoryRouteOptions, 'docsUrl'>) {
  return <P extends string>(path: P, id: OperationId, handle: (c: Context<ApiEnv, P>) => Response) => {
    routes.get(path, (c) => {
      c.set('docsUrl', options.docsUrl[id]);
      const refused = authenticate(c) ?? countRateLimit(c);
      if (refused) return refused;
      return refundNotModified(c, handle(c as Context<ApiEnv, P>));
    });
  };
}

/** A body ready for respondPresented: its bytes and the hash its ETag is made of. */
export function presentedJson(body: unknown): { body: Buffer; hash: string } {
  const json = JSON.stringify(body);
  return { body: Buffer.from(json), hash: sha1Hex(json) };
}

/** The API version the client selected (http/api-version.ts refused unknown ones already). */
export function selectedVersion(c: Context<ApiEnv>): string {
  return c.req.header('x-github-api-version') ?? DEFAULT_API_VERSION;
}
