import type { Context } from 'hono';
import { tokenFrom } from './authenticate.js';
import { CONTROL_TOKEN_REQUIRED, hasControlToken } from './control/control-token.js';
import type { ApiEnv } from './env.js';
import { GENERIC_DOCS_URL, MESSAGES } from './messages.js';
import { respondError } from './respond.js';

export interface NewTenantGateOptions {
  /** When set, tenants are made only through the control API, with this token. */
  controlToken?: string;
  /** The tokens the fixtures define (the same in every tenant). */
  knowsToken(token: string): boolean;
}

/**
 * Who may bring a tenant into being by addressing it (/t/{name}/...): a tenant costs memory and
 * takes one of a limited number of places, so a request that would be refused anyway never makes
 * one (docs/decisions/0007-tenants.md). Returns the answer for a request that may not, given the
 * path after the tenant prefix.
 */
export function createNewTenantGate(options: NewTenantGateOptions): (c: Context<ApiEnv>, rest: string) => Response | undefined {
  return (c, rest) => {
    const control = rest === '/_emulator' || rest.startsWith('/_emulator/');
    if (options.controlToken !== undefined) {
      if (!control) return respondError(c, 404, MESSAGES.notFound, GENERIC_DOCS_URL);
      return hasControlToken(c, options.controlToken) ? undefined : respondError(c, 401, CONTROL_TOKEN_REQUIRED, GENERIC_DOCS_URL);
    }
    if (control) return undefined;
    // GitHub's two 401s, as authenticate() gives them in a tenant that exists.
    const header = c.req.header('authorization');
    if (header === undefined || header.trim() === '') return respondError(c, 401, MESSAGES.requiresAuthentication, GENERIC_DOCS_URL);
    const token = tokenFrom(header);
    return token !== undefined && options.knowsToken(token) ? undefined : respondError(c, 401, MESSAGES.badCredentials, GENERIC_DOCS_URL);
  };
}
