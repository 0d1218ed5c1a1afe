import { createAdaptorServer } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ListenOptions {
  fetch: (request: Request) => Response | Promise<Response>;
  /** 0 picks a free port. */
  port: number;
  host: string;
  /**
   * @hono/node-server swaps the process's global Request and Response for faster ones. Fine for
   * the CLI's own process; a library started inside someone's test run should leave them alone.
   */
  overrideGlobalObjects?: boolean;
}

export interface Listening {
  server: Server;
  port: number;
  /** Where a client on this machine reaches the server, e.g. http://127.0.0.1:4010 */
  url: string;
}

/** Starts an HTTP server; rejects (instead of hanging) when the port is taken or the host is wrong. */
export function listen(options: ListenOptions): Promise<Listening> {
  const server = createAdaptorServer({ fetch: options.fetch, overrideGlobalObjects: options.overrideGlobalObjects }) as Server;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      resolve({ server, port, url: localUrl(options.host, port) });
    });
  });
}

/**
 * The URL to print for a bound address. A wildcard address is not somewhere to send requests, so
 * 0.0.0.0 and :: are shown as the loopback address of the same family.
 */
export function localUrl(host: string, port: number): string {
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' || host === '[::]' ? '::1' : host;
  const bare = reachable.replace(/^\[(.*)\]$/, '$1');
  return `http://${bare.includes(':') ? `[${bare}]` : bare}:${port}`;
}
