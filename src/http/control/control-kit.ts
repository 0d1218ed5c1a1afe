import type { ValidateFunction } from 'ajv';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ValidationProblem } from '../../domain/errors.js';
import type { ApiEnv } from '../shared/env.js';
import { parseJsonObject } from '../shared/json-body.js';
import { MESSAGES } from '../shared/messages.js';
import { respondError } from '../shared/respond.js';

/** Errors of the control API point at its own description, served by the emulator. */
export function controlDocsUrl(c: Context<ApiEnv>): string {
  return `${c.get('apiBase')}/_emulator/openapi.yaml`;
}

export function controlError(c: Context<ApiEnv>, status: ContentfulStatusCode, message: string, errors?: ValidationProblem[]) {
  return respondError(c, status, message, controlDocsUrl(c), errors);
}

/**
 * The control request's JSON body checked against its schema (control-body-schemas.ts, compiled
 * at build time into src/generated/validators.ts): 400 when it is not a JSON object,
 * 422 naming the field when it does not fit. An empty body counts as {}.
 */
export async function readControlBody<T>(c: Context<ApiEnv>, validate: ValidateFunction): Promise<{ ok: true; body: T } | { ok: false; response: Response }> {
  const text = await c.req.text();
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
