// A typed client for the emulator's own API under /_emulator (openapi/emulator.yaml). It takes a
// base URL and a fetch, so it works over HTTP and port-less alike, for the default tenant
// (`http://127.0.0.1:4010`) or a named one (`http://127.0.0.1:4010/t/acme`).
import type { FetchFunction } from './emulator-fetch.js';

export interface EmulatorHealth {
  status: 'ok';
  tenant: string;
  /** Tasks the tenant holds, archived included. */
  tasks: number;
}

export interface ResetResult {
  status: 'reset';
  tenant: string;
  tasks: number;
}

export interface ControlClient {
  health(): Promise<EmulatorHealth>;
  /** Back to the tenant's initial world: fixtures, generated tasks, clock and rate limits. */
  reset(): Promise<ResetResult>;
}

export interface ControlClientOptions {
  baseUrl: string;
  /** Defaults to the global fetch. */
  fetch?: FetchFunction;
}

/** A control call that did not succeed, with GitHub's error message when the answer had one. */
export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ControlError';
  }
}

export function createControlClient(options: ControlClientOptions): ControlClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const fetch = options.fetch ?? globalThis.fetch;
  const call = async <T>(method: 'GET' | 'POST', path: string): Promise<T> => {
    const res = await fetch(`${base}/_emulator/${path}`, { method, headers: { accept: 'application/json' } });
    const text = await res.text();
    const body = parseJson(text);
    if (!res.ok) {
      const message = (body as { message?: unknown } | undefined)?.message;
      throw new ControlError(res.status, `${method} /_emulator/${path}: ${res.status} ${typeof message === 'string' ? message : text.slice(0, 200)}`);
    }
    return body as T;
  };
  return {
    health: () => call<EmulatorHealth>('GET', 'health'),
    reset: () => call<ResetResult>('POST', 'reset'),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
