import type { Context } from 'hono';

/**
 * Headers every answer carries (request id, media type, version, rate limits) are gathered in a
 * plain object and handed to `c.body` with the answer's own. A response made that way keeps
 * @hono/node-server on its fast path; Hono's `c.header` (or touching a finished response's
 * headers) builds a web Headers object per request instead, a large share of a request's cost
 * (docs/performance.md). An answer made without them (a bare 204, say) gets them added afterwards by
 * standardHeaders.
 */
export function addAnswerHeader(c: Context, name: string, value: string): void {
  const headers = c.get('answerHeaders') as Record<string, string> | undefined;
  if (headers) headers[name] = value;
  else c.header(name, value);
}

/**
 * The answer, made with the gathered headers and its own (`own`, which it takes over) in one plain
 * object. Hono's `c.body` would turn more than one header into a web Headers object, so the
 * Response is made here; outside the app's middleware (no gathered headers) it falls back to
 * `c.body`.
 */
export function answer(c: Context, body: string | Uint8Array | null, status: number, own: Record<string, string>): Response {
  const gathered = c.get('answerHeaders') as Record<string, string> | undefined;
  if (!gathered) return body === null ? c.body(null, status as never, own) : c.body(body as string, status as never, own);
  c.set('answerHeadersApplied', true);
  // `own` is made for this answer alone (every caller passes a fresh object), so the gathered
  // headers join it rather than both being copied into a third; the answer's own win. The gathered
  // object stays as it was, should a second answer be made (an error after the first).
  for (const name in gathered) if (!(name in own)) own[name] = gathered[name]!;
  // For the request journal: the headers as a plain object, without reading the Response's.
  c.set('answered', { body, headers: own });
  return new Response(body, { status, headers: own });
}
