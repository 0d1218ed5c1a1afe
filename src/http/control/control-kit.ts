import type { ValidateFunction } from 'ajv';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiEnv } from '../env.js';
import { parseJsonObject } from '../json-body.js';
import { readLimitedText } from '../limit-body.js';
import { MESSAGES } from '../messages.js';
import { respondError } from '../respond.js';

/** Errors of the control API point at its own description, served by the emulator. */
export function controlDocsUrl(c: Context<ApiEnv>): string {
  return `${c.get('apiBase')}/_emulator/openapi.yaml`;
}

export function controlError(
  c: Context<ApiEnv>,
  status: ContentfulStatusCode,
  message: string,
  errors?: Array<{ field: string; code: 'invalid' | 'missing_field'; message?: string }>,
  headers?: Record<string, string>,
) {
  return respondError(c, status, message, controlDocsUrl(c), errors, headers);
}

/** Control bodies are small rule and setting objects; anything bigger is a mistake. */
export const CONTROL_BODY_LIMIT = 64 * 1024;
/** Loading tasks takes up to 1,000 of them. */
export const TASKS_BODY_LIMIT = 16 * 1024 * 1024;
/** A whole tenant's snapshot (about 1 KB a task). */
export const SNAPSHOT_BODY_LIMIT = 128 * 1024 * 1024;

/**
 * The control request's body as text, counted as it arrives and refused with a 413 once past
 * `limit`: a body is never held whole before its size is known (docs/persistence.md, limits).
 */
export async function readControlText(c: Context<ApiEnv>, limit: number): Promise<string | Response> {
  const text = await readLimitedText(c, limit);
  // The rest of the body is never read, so the connection cannot carry another request.
  return text ?? controlError(c, 413, `${MESSAGES.bodyTooLarge} (at most ${limit} bytes here)`, undefined, { connection: 'close' });
}

/**
 * The control request's JSON body checked against its schema (control-body-schemas.ts, compiled
 * at build time into src/generated/validators.ts): 400 when it is not a JSON object,
 * 422 naming the field when it does not fit. An empty body counts as {}.
 */
export async function readControlBody<T>(
  c: Context<ApiEnv>,
  validate: ValidateFunction,
  limit = CONTROL_BODY_LIMIT,
): Promise<{ ok: true; body: T } | { ok: false; response: Response }> {
  const text = await readControlText(c, limit);
  if (typeof text !== 'string') return { ok: false, response: text };
  const parsed = parseJsonObject(text.trim() === '' ? '{}' : text);
  if (!parsed.ok) return { ok: false, response: controlError(c, 400, parsed.message) };
  if (!validate(parsed.value)) {
    const e = validate.errors![0]!;
    const field = e.keyword === 'required' ? String(e.params.missingProperty) : e.instancePath.replace(/^\//, '').replace(/\//g, '.') || 'body';
    const code = e.keyword === 'required' ? 'missing_field' : 'invalid';
    return { ok: false, response: controlError(c, 422, MESSAGES.validationFailed, [{ field, code, message: `${field} ${e.message ?? 'is invalid'}` }]) };
  }
  return { ok: true, body: parsed.value as T };
}
