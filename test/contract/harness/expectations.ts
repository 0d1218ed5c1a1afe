// Assertions shared by contract tests. They state GitHub's conventions once
// (see docs/fidelity.md for where each comes from).
import { expect } from 'vitest';
import type { ApiResponse } from './api-client.js';

/** documentation_url of answers that no operation produced (unknown routes, rejected versions). */
export const GENERIC_DOCS_URL = 'https://docs.github.com/rest';

export const TASK_STATES = ['queued', 'in_progress', 'completed', 'failed', 'idle', 'waiting_for_user', 'timed_out', 'cancelled'] as const;

/** A short description of an answer for assertion messages. */
export function show(res: ApiResponse): string {
  return `${res.url.pathname}${res.url.search} -> ${res.status} ${res.text.slice(0, 300)}`;
}

/**
 * GitHub's error body: message, documentation_url and status (a string); `errors` only on 422.
 */
export function expectError(res: ApiResponse, status: number, message: string, documentationUrl: string): void {
  expect(res.status, show(res)).toBe(status);
  const body = res.json as Record<string, unknown>;
  // One assertion per member, so a failure names the member (known gaps match on it).
  expect(body.message, `message (${show(res)})`).toBe(message);
  expect(body.documentation_url, `documentation_url (${show(res)})`).toBe(documentationUrl);
  expect(body.status, `status member (${show(res)})`).toBe(String(status));
  if (status !== 422) expect(body, show(res)).not.toHaveProperty('errors');
}

export interface ValidationError {
  code: string;
  field?: string;
  message?: string;
}

/** 422 Validation Failed naming `field` among its errors. */
export function expectValidationFailed(res: ApiResponse, documentationUrl: string, field: string, codes: readonly string[] = ['invalid']): ValidationError {
  expectError(res, 422, 'Validation Failed', documentationUrl);
  const errors = (res.json as { errors?: ValidationError[] }).errors;
  expect(Array.isArray(errors) && errors.length > 0, show(res)).toBe(true);
  const match = errors!.find((e) => e.field === field);
  expect(match, `no error about ${field}: ${show(res)}`).toBeDefined();
  expect(codes, show(res)).toContain(match!.code);
  return match!;
}
