import type { Context } from 'hono';
import type { ApiEnv } from './env.js';
import { GENERIC_DOCS_URL, MESSAGES } from './messages.js';
import { respondError } from './respond.js';

/** `Authorization: Bearer <token>` or `token <token>`, as GitHub accepts both. */
export function tokenFrom(header: string | undefined): string | undefined {
  const match = /^\s*(?:bearer|token)\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/**
 * Resolves the caller from the token into the context; answers 401 without one or with one the
 * tenant does not know. Returns the refusal, or undefined to go on.
 */
export function authenticate(c: Context<ApiEnv>): Response | undefined {
  const header = c.req.header('authorization');
  if (header === undefined || header.trim() === '') return respondError(c, 401, MESSAGES.requiresAuthentication);
  const value = tokenFrom(header);
  const token = value === undefined ? undefined : c.get('world').directory.tokens.get(value);
  // GitHub answers a bad token with its generic documentation URL, unlike a missing one.
  if (!token) return respondError(c, 401, MESSAGES.badCredentials, GENERIC_DOCS_URL);
  c.set('caller', { user: token.user, token });
  return undefined;
}
