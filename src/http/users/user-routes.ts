import { Hono } from 'hono';
import { getAuthenticatedUser } from '../../domain/work/repository-reads.js';
import type { ApiEnv } from '../shared/env.js';
import { isoSeconds } from '../shared/iso-seconds.js';
import { respondPresented } from '../shared/respond.js';
import { githubGet, presentedJson, type RepositoryRouteOptions } from '../shared/github-operation.js';
import { presentPrivateUser } from '../repos/present-account.js';

/** GET /user: clients call it to check a token before anything else. */
export function createUserRoutes(options: RepositoryRouteOptions): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();
  githubGet(routes, options)('/user', 'users/get-authenticated', (c) => {
    const caller = c.get('caller');
    const counts = getAuthenticatedUser(c.get('world'), caller);
    // The fixtures have no sign-up dates: a fixed moment derived from the id, the same every time.
    const createdAt = isoSeconds(Date.UTC(2011, 0, 25) + (caller.user.id % 100_000) * 1000);
    return respondPresented(c, presentedJson(presentPrivateUser(caller.user, counts, createdAt, { api: c.get('apiBase'), web: options.webBaseUrl })));
  });
  return routes;
}
