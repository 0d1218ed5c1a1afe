import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/**
 * Hono's bodyLimit, without its cost on the common path. bodyLimit reads `c.req.raw.body` first,
 * which makes @hono/node-server build a full web Request around the socket, so the handler's
 * `c.req.text()` then goes through web streams instead of reading the socket directly: a third
 * of a create's time (bench/RESULTS.md). A declared Content-Length is checked from the header;
 * only a body without one (chunked) goes through bodyLimit, which counts it as it streams in.
 */
export function limitBody(maxSize: number, onError: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  const streaming = bodyLimit({ maxSize, onError });
  return async (c, next) => {
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) return streaming(c, next);
    if ((parseInt(length, 10) || 0) > maxSize) return onError(c);
    await next();
  };
}
