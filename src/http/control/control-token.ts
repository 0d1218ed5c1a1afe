import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { tokenFrom } from '../authenticate.js';

export const CONTROL_TOKEN_HEADER = 'x-emulator-control-token';
export const CONTROL_TOKEN_REQUIRED = `Requires the control token: send it as ${CONTROL_TOKEN_HEADER} or Authorization: Bearer`;

/** Whether the request carries the control token, in its own header or as a bearer token. */
export function hasControlToken(c: Context, expected: string): boolean {
  const given = Buffer.from(c.req.header(CONTROL_TOKEN_HEADER) ?? tokenFrom(c.req.header('authorization')) ?? '');
  const want = Buffer.from(expected);
  return given.length === want.length && timingSafeEqual(given, want);
}
