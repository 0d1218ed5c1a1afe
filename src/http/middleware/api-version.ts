import type { Context, MiddlewareHandler } from 'hono';
import { DEFAULT_API_VERSION, MESSAGES, SUPPORTED_API_VERSIONS, unsupportedVersionMessage } from '../shared/messages.js';
import { respondError } from '../shared/respond.js';
import { addAnswerHeader } from '../shared/answer-headers.js';

/**
 * X-GitHub-Api-Version: absent selects 2022-11-28; an unsupported value is a 400 before
 * authentication, with GitHub's exact body. The selected version is echoed on every answer.
 * Returns the refusal, or undefined to go on.
 */
export function checkApiVersion(c: Context): Response | undefined {
  const asked = c.req.header('x-github-api-version');
  if (asked !== undefined && !(SUPPORTED_API_VERSIONS as readonly string[]).includes(asked)) {
    return respondError(c, 400, MESSAGES.badRequest, undefined, unsupportedVersionMessage(asked));
  }
  addAnswerHeader(c, 'x-github-api-version-selected', asked ?? DEFAULT_API_VERSION);
  return undefined;
}

/** checkApiVersion before everything after it (handing on without awaiting, as http/middleware/tenant.ts). */
export const apiVersion: MiddlewareHandler = (c, next) => {
  const refused = checkApiVersion(c);
  return refused ? Promise.resolve(refused) : next();
};
