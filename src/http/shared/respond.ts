import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ValidationProblem } from '../../domain/errors.js';
import type { ErrorBody } from './api-types.js';
import { answer } from './answer-headers.js';
import { GENERIC_DOCS_URL } from './messages.js';

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

export function respondJson(c: Context, status: ContentfulStatusCode, body: unknown, headers?: Record<string, string>): Response {
  return answer(c, JSON.stringify(body), status, { 'content-type': JSON_CONTENT_TYPE, ...headers });
}

/**
 * A cacheable GET answer, its body already serialised (http/agent-tasks/present-cache.ts): a weak ETag made of
 * the body's hash, and 304 with no body when the client already holds it (conditional requests).
 */
export function respondPresented(c: Context, body: { body: Buffer; hash: string }, headers: Record<string, string> = {}): Response {
  const etag = `W/"${body.hash}"`;
  const notModified = matchesEtag(c.req.header('if-none-match'), etag);
  const own: Record<string, string> = notModified ? {} : { 'content-type': JSON_CONTENT_TYPE };
  own.etag = etag;
  own['cache-control'] = 'private, max-age=60, s-maxage=60';
  own.vary = 'Accept, Authorization, Cookie, X-GitHub-OTP';
  for (const name in headers) own[name] = headers[name]!;
  return notModified ? answer(c, null, 304, own) : answer(c, body.body, 200, own);
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

/** GitHub's error body: message, documentation_url and status as a string, plus errors on 422. */
export function errorBody(status: number, message: string, docsUrl = GENERIC_DOCS_URL, errors?: ValidationProblem[] | string): ErrorBody {
  const body: Record<string, unknown> = { message, documentation_url: docsUrl, status: String(status) };
  if (errors !== undefined) body.errors = Array.isArray(errors) ? errors.map((e) => ({ resource: 'Task', ...e })) : errors;
  return body as ErrorBody;
}

export function respondError(
  c: Context,
  status: ContentfulStatusCode,
  message: string,
  docsUrl?: string,
  errors?: ValidationProblem[] | string,
  headers?: Record<string, string>,
): Response {
  return respondJson(c, status, errorBody(status, message, docsUrl ?? c.get('docsUrl') ?? GENERIC_DOCS_URL, errors), headers);
}
