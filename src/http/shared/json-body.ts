import { MESSAGES } from './messages.js';

export type JsonObjectResult = { ok: true; value: Record<string, unknown> } | { ok: false; message: string };

/** GitHub's two 400s for bodies: not JSON at all, or JSON that is not an object. */
export function parseJsonObject(text: string): JsonObjectResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: MESSAGES.problemsParsingJson };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, message: MESSAGES.bodyNotObject };
  return { ok: true, value: value as Record<string, unknown> };
}
