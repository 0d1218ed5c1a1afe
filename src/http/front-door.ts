import type { Context, Handler, MiddlewareHandler } from 'hono';
import type { IdSource } from '../support/ids.js';
import { settled } from '../support/settled.js';
import type { Tenant } from '../tenants/tenant.js';
import { isTenantName, TenantLimitError, type TenantRegistry } from '../tenants/tenant-registry.js';
import { checkApiVersion } from './api-version.js';
import type { ApiEnv } from './env.js';
import { decideFault, injectFault } from './inject-faults.js';
import { GENERIC_DOCS_URL, MESSAGES } from './messages.js';
import { recordJournal } from './record-journal.js';
import { respondError } from './respond.js';
import { finishAnswer, startAnswer } from './standard-headers.js';

export interface FrontDoorOptions {
  tenants: TenantRegistry;
  /** Request ids (tasks draw theirs from their tenant). */
  ids: IdSource;
  /** Public origin for url fields and links; undefined = each request's own origin. */
  publicBase?: string;
  /** Real time in epoch ms, for request durations in the journal. */
  realTime: () => number;
  /** Waits out injected latency. */
  sleep: (ms: number) => Promise<void>;
  /** The answer for a request that may not bring the tenant it addresses into being (http/new-tenant-gate.ts). */
  gate: (c: Context<ApiEnv>, rest: string) => Response | undefined;
  /** The answer for an error a handler threw; rethrows what must not be answered (a cut connection). */
  answerError: (error: unknown, c: Context<ApiEnv>) => Response;
}

/** What a handler or middleware leaves: an answer, or nothing when it set c.res itself. */
type Answer = Response | void;

/** How the front door lets a request through. */
export interface FrontDoor {
  /** As middleware, for routes that have middleware of their own (the control API). */
  middleware: MiddlewareHandler<ApiEnv>;
  /**
   * Around a route's only handler. Hono calls a route with a single handler directly and composes
   * one with middleware: a promise and a dispatch per layer, and a promise per request even where
   * every step answers at once (bench/NOTES.md). `answerError` turns what the handler throws into
   * the answer, as the app's error handler would, so the standard headers and the journal see it.
   */
  around(handler: Handler<ApiEnv>): Handler<ApiEnv>;
  /** Whether the request went through the door already (a not-found answer after the middleware). */
  passed(c: Context<ApiEnv>): boolean;
}

/**
 * What every request passes, in this order: GitHub's standard headers, the tenant it addresses
 * (/t/{name}/... or the default one), the request journal, fault injection, then the API version
 * check. One door doing these in turn, rather than one middleware each, keeps a request to at most
 * one await here: each layer of Hono middleware costs a promise and a dispatch, which added up to a
 * large share of a list request (bench/NOTES.md, third round).
 */
export function frontDoor(options: FrontDoorOptions): FrontDoor {
  const { tenants, publicBase, realTime, sleep, answerError } = options;

  /**
   * Lets the request through to `next`, which answers or leaves its answer in c.res (middleware).
   * A promise only if something on the way waited; either way it ends with the answer.
   */
  const pass = (c: Context<ApiEnv>, next: () => Answer | Promise<Answer>): Response | Promise<Response> => {
    startAnswer(c, options.ids);
    const tenant = addressed(c, tenants, options.gate);
    if (tenant instanceof Response) {
      c.res = tenant;
      finishAnswer(c);
      return c.res;
    }
    c.set('tenant', tenant.tenant);
    c.set('world', tenant.tenant.world);
    c.set('apiBase', `${publicBase ?? originOf(c.req.url)}${tenant.prefix}`);
    const started = realTime();
    const done = (answer: Answer): Response => {
      if (answer) c.res = answer;
      recordJournal(c, realTime() - started, false);
      finishAnswer(c);
      return c.res;
    };
    const failed = (error: unknown): Response => {
      let answer: Response;
      try {
        answer = answerError(error, c);
      } catch (uncaught) {
        // Only an injected dropped connection has no answer: the journal marks it cut.
        recordJournal(c, realTime() - started, true);
        throw uncaught;
      }
      return done(answer);
    };
    const goOn = () => checkApiVersion(c) ?? next();
    let going: Answer | Promise<Answer>;
    try {
      const fired = decideFault(c);
      // A fault answers, or lets the request go on and leaves its answer in c.res.
      going = fired ? injectFault(c, fired, sleep, () => settled(goOn(), (answer) => void (answer && (c.res = answer)))) : goOn();
    } catch (error) {
      return failed(error);
    }
    return going instanceof Promise ? going.then(done, failed) : done(going);
  };

  return {
    // Hono's next() resolves to the context, not an answer: the answer is in c.res.
    middleware: async (c, next) => {
      await pass(c, () => next().then(() => undefined));
    },
    around: (handler) => (c, notFound) => pass(c, () => handler(c, notFound) as Answer | Promise<Answer>),
    passed: (c) => c.get('requestId') !== undefined,
  };
}

/**
 * The tenant a request addresses, and the path prefix that addressed it; otherwise the answer to
 * give: 404 for a name no tenant can have, the gate's refusal, or 503 when every place is taken.
 */
function addressed(
  c: Context<ApiEnv>,
  tenants: TenantRegistry,
  gate: FrontDoorOptions['gate'],
): { tenant: Tenant; prefix: string } | Response {
  const path = c.req.path;
  if (!path.startsWith('/t/')) return { tenant: tenants.default, prefix: '' };
  const end = path.indexOf('/', 3);
  const name = decoded(end === -1 ? path.slice(3) : path.slice(3, end));
  if (name === undefined || !isTenantName(name)) return respondError(c, 404, MESSAGES.notFound, GENERIC_DOCS_URL);
  let tenant = tenants.find(name);
  if (!tenant) {
    const refused = gate(c, end === -1 ? '' : path.slice(end));
    if (refused) return refused;
    try {
      tenant = tenants.open(name)!;
    } catch (error) {
      if (!(error instanceof TenantLimitError)) throw error;
      return respondError(c, 503, `Service Unavailable: tenant ${name} cannot be made: ${error.message}`, GENERIC_DOCS_URL, undefined, { 'retry-after': '60' });
    }
  }
  return { tenant, prefix: `/t/${tenant.name}` };
}

/** A path segment decoded, or undefined when its escapes are malformed (no tenant has that name). */
function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** scheme://host[:port] of an absolute URL, without parsing all of it (this runs per request). */
export function originOf(url: string): string {
  const end = url.indexOf('/', url.indexOf('//') + 2);
  return end === -1 ? url : url.slice(0, end);
}
