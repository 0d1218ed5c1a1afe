import type { Context } from 'hono';
import { keepRequestText } from './capture-exchange.js';

/**
 * The request body as text, or undefined when it is over `maxSize` bytes. A declared
 * Content-Length is checked from the header, so the body is then read from the socket directly
 * (fast in @hono/node-server); a body without one (chunked) is counted as it streams in, and
 * reading stops at the limit. Hono's own bodyLimit would rebuild the request with the global
 * Request class, which fails (a 500) when the server does not override the globals, as
 * startEmulator does not (test/hardening/body-limit.test.ts).
 */
export function readLimitedText(c: Context, maxSize: number): Promise<string | undefined> {
  const length = c.req.header('content-length');
  if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
    // The text's own promise, handed on rather than awaited: an async function returning a promise
    // takes three more turns of the microtask queue to settle its own.
    if ((parseInt(length, 10) || 0) > maxSize) return Promise.resolve(undefined);
    // Kept for the request journal (http/capture-exchange.ts).
    return c.req.text().then((text) => keepRequestText(c, text));
  }
  return readCounted(c, maxSize).then((text) => keepRequestText(c, text));
}

/** A body without a declared length, counted as it streams in. */
async function readCounted(c: Context, maxSize: number): Promise<string | undefined> {
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
