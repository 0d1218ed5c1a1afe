import type { Context, MiddlewareHandler } from 'hono';
import { STATUS_CODES } from 'node:http';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { FiredFault } from '../../faults/fault-book.js';
import { tokenFrom } from '../shared/authenticate.js';
import { connectionFaultError, cutSocket, socketOf } from '../shared/connection-fault.js';
import type { ApiEnv } from '../shared/env.js';
import { FAULT_MESSAGES, GENERIC_DOCS_URL } from '../shared/messages.js';
import { respondError } from '../shared/respond.js';
import { addAnswerHeader } from '../shared/answer-headers.js';

/** Response header naming the fault injected into an answer (absent when none was). */
export const FAULT_HEADER = 'x-emulator-fault';

/** The emulator's own endpoints, which rules never touch (a test must always be able to heal). */
const isControlPath = (path: string) => path === '/_emulator' || path.startsWith('/_emulator/');

/**
 * The tenant's fault rules, asked about a GitHub API request before authentication and rate limits
 * (as a failing front end would). Asked once the tenant is known, for every path but the control
 * API's, so a rule can also fault paths the emulator does not serve. Undefined when no rule fires,
 * which is decided without looking at the request when the tenant has no rules.
 */
export function decideFault(c: Context<ApiEnv>): FiredFault | undefined {
  const tenant = c.get('tenant');
  if (tenant.faults.isEmpty()) return undefined;
  const path = c.get('tenantPath').rest;
  if (isControlPath(path)) return undefined;
  return tenant.faults.decide({
    method: c.req.method,
    path,
    tenant: tenant.name,
    token: tokenFrom(c.req.header('authorization')),
  });
}

/**
 * Injects a fired fault: waits out its latency, then answers for it or lets the request `go on`.
 * It is marked for the request journal through the `fault` context variable and, where there is
 * an answer, the x-emulator-fault header. `sleep` is real waiting unless a test says otherwise.
 */
export async function injectFault(
  c: Context<ApiEnv>,
  fired: FiredFault,
  sleep: (ms: number) => Promise<void>,
  goOn: () => Promise<void> | void,
): Promise<Response | void> {
  c.set('fault', { ruleId: fired.rule.id, kind: fired.kind });
  if (fired.delayMs > 0) await sleep(fired.delayMs);
  return apply(c, goOn, fired);
}

async function apply(c: Context<ApiEnv>, next: () => Promise<void> | void, fired: FiredFault): Promise<Response | void> {
  switch (fired.kind) {
    case 'latency':
      addAnswerHeader(c, FAULT_HEADER, 'latency');
      await next();
      return;
    case 'error': {
      const error = fired.rule.error!;
      const status = error.status as ContentfulStatusCode;
      const message = error.message ?? FAULT_MESSAGES[status] ?? STATUS_CODES[status] ?? 'Error';
      const headers: Record<string, string> = { [FAULT_HEADER]: 'error' };
      if (error.retry_after !== undefined) headers['retry-after'] = String(error.retry_after);
      return respondError(c, status, message, GENERIC_DOCS_URL, undefined, headers);
    }
    case 'drop':
    case 'reset': {
      const socket = socketOf(c.env);
      if (!socket) throw connectionFaultError(fired.kind);
      cutSocket(socket, fired.kind);
      // Nobody will read this answer; it only ends the request inside the server.
      return c.body(null, 500, { [FAULT_HEADER]: fired.kind });
    }
  }
}

/** The tenant's fault rules applied to each request (decideFault, then injectFault). */
export function injectFaults(sleep: (ms: number) => Promise<void>): MiddlewareHandler<ApiEnv> {
  return (c, next) => {
    const fired = decideFault(c);
    return fired ? injectFault(c, fired, sleep, next) : next();
  };
}
