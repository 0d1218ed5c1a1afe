import type { Server } from 'node:http';

/** How often idle connections are swept while closing. */
const SWEEP_MS = 25;

/**
 * Stops accepting connections, lets requests in flight finish, and closes keep-alive connections
 * as soon as they are idle. Node closes the idle ones only once, when close() is called; one that
 * finishes its request later would linger until its keep-alive timeout, so they are swept until
 * the server has closed (Node offers no event for "this connection became idle"). Whatever is
 * still busy after `graceMs` is cut off, so a stuck client cannot block shutdown forever.
 */
export function closeGracefully(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const sweep = setInterval(() => server.closeIdleConnections(), SWEEP_MS);
    const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
    // The timers alone must not keep a process alive that has nothing else to do.
    sweep.unref();
    deadline.unref();
    server.close((error) => {
      clearInterval(sweep);
      clearTimeout(deadline);
      if (error) reject(error);
      else resolve();
    });
  });
}
