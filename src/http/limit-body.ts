import type { Context, MiddlewareHandler } from 'hono';

/**
 * Refuses request bodies over `maxSize` bytes. A declared Content-Length is checked from the
 * header, so the handler's `c.req.text()` still reads the socket directly (fast in
 * @hono/node-server). A body without one (chunked) is counted as it streams in and handed to the
 * handler through Hono's body cache. Hono's own bodyLimit would rebuild the request with the
 * global Request class, which fails (a 500) when the server does not override the globals, as
 * startEmulator does not (test/hardening/body-limit.test.ts).
 */
export function limitBody(maxSize: number, onError: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  return async (c, next) => {
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      if ((parseInt(length, 10) || 0) > maxSize) return onError(c);
      return next();
    }
    const body = c.req.raw.body;
    if (!body) return next();
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > maxSize) {
        await reader.cancel();
        return onError(c);
      }
      chunks.push(value);
    }
    // Hono keeps promises in its body cache at run time, whatever its type says.
    (c.req.bodyCache as Record<string, unknown>).text = Promise.resolve(Buffer.concat(chunks).toString('utf8'));
    return next();
  };
}
