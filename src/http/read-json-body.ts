import type { Context } from 'hono';
import type { ValidationProblem } from '../domain/errors.js';
import { parseJsonObject } from './json-body.js';
import { readLimitedText } from './limit-body.js';
import { MESSAGES } from './messages.js';
import { respondError } from './respond.js';

/** Control bodies are small rule and setting objects; anything bigger is a mistake. */
const MAX_CONTROL_BODY = 64 * 1024;

/**
 * The JSON object a control request sent, or the GitHub-shaped answer to give instead
 * (413 too large, 400 not JSON or not an object). An empty body reads as `{}` when allowed.
 */
export async function readJsonObject(c: Context, options: { allowEmpty?: boolean } = {}): Promise<Record<string, unknown> | Response> {
  const text = await readLimitedText(c, MAX_CONTROL_BODY);
  // Counted as it arrives: the rest is never read, so the connection cannot carry another request.
  if (text === undefined) return respondError(c, 413, MESSAGES.bodyTooLarge, undefined, undefined, { connection: 'close' });
  if (text.trim() === '' && options.allowEmpty) return {};
  const parsed = parseJsonObject(text);
  return parsed.ok ? parsed.value : respondError(c, 400, parsed.message);
}

/** 422 Validation Failed naming each problem; `pointer` is a JSON pointer such as "/when/after". */
export function respondInvalid(c: Context, resource: string, problems: Array<{ pointer: string; message: string; code?: ValidationProblem['code'] }>): Response {
  const errors = problems.map((p) => {
    const field = p.pointer.replace(/^\//, '').replaceAll('/', '.');
    return { resource, field: field || 'body', code: p.code ?? 'invalid', message: field ? `${field} ${p.message}` : p.message } as ValidationProblem;
  });
  return respondError(c, 422, MESSAGES.validationFailed, undefined, errors);
}
