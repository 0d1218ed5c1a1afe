import type { Context } from 'hono';

/**
 * The request body as text, or undefined when it is over `maxSize` bytes. A declared
 * Content-Length is checked from the header, so the body is then read from the socket directly
 * (fast in @hono/node-server); a body without one (chunked) is counted as it streams in, and
 * reading stops at the limit. Hono's own bodyLimit would rebuild the request with the global
 * Request class, which fails (a 500) when the server does not override the globals, as
 * startEmulator does not (test/hardening/body-limit.test.ts).
 */
export async function readLimitedText(c: Context, maxSize: number): Promise<string | undefined> {
  const length = c.req.header('content-length');
  if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
    return (parseInt(length, 10) || 0) > maxSize ? undefined : c.req.text();
  }
  const body = c.req.raw.body;
  if (!body) return c.req.text();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxSize) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
