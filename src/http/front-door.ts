import type { Context, Handler, MiddlewareHandler } from 'hono';
import type { IdSource } from '../support/ids.js';
import type { Tenant } from '../tenants/tenant.js';
import type { TenantRegistry } from '../tenants/tenant-registry.js';
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
  /** The answer for an error a handler threw; rethrows what must not be answered (a cut connection). */
  answerError: (error: unknown, c: Context<ApiEnv>) => Response;
}

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

  /** Lets the request through to `next`, which leaves its answer in c.res; a promise only if something on the way waited. */
  const pass = (c: Context<ApiEnv>, next: () => Promise<void> | void): Promise<void> | void => {
    startAnswer(c, options.ids);
    const tenant = addressed(c, tenants);
    if (!tenant) {
      c.res = respondError(c, 404, MESSAGES.notFound, GENERIC_DOCS_URL);
      return finishAnswer(c);
    }
    c.set('tenant', tenant.tenant);
    c.set('world', tenant.tenant.world);
    c.set('apiBase', `${publicBase ?? originOf(c.req.url)}${tenant.prefix}`);
    const started = realTime();
    // Only an injected dropped connection gets past answerError: the journal marks it cut.
    const cut = (error: unknown) => {
      recordJournal(c, realTime() - started, true);
      throw error;
    };
    const done = () => {
      recordJournal(c, realTime() - started, false);
      finishAnswer(c);
    };
    const goOn = () => {
      const refused = checkApiVersion(c);
      if (refused) c.res = refused;
      else return next();
    };
    let going: Promise<void> | void;
    try {
      const fired = decideFault(c);
      going = fired
        ? injectFault(c, fired, sleep, goOn).then((answer) => {
            if (answer) c.res = answer;
          })
        : goOn();
    } catch (error) {
      return cut(error);
    }
    if (going instanceof Promise) return going.then(done, cut);
    done();
  };

  const answerFrom = (c: Context<ApiEnv>, answer: Response | void) => {
    if (answer) c.res = answer;
  };
  const failed = (c: Context<ApiEnv>, error: unknown) => {
    c.res = answerError(error, c);
  };

  return {
    middleware: (c, next) => pass(c, next) ?? Promise.resolve(),
    around: (handler) => (c, notFound) => {
      const went = pass(c, () => {
        let answer;
        try {
          answer = handler(c, notFound);
        } catch (error) {
          return failed(c, error);
        }
        if (answer instanceof Promise) return answer.then((a) => answerFrom(c, a), (error) => failed(c, error));
        answerFrom(c, answer);
      });
      return went instanceof Promise ? went.then(() => c.res) : c.res;
    },
    passed: (c) => c.get('requestId') !== undefined,
  };
}

/** The tenant a request addresses, and the path prefix that addressed it; undefined for an unknown name. */
function addressed(c: Context<ApiEnv>, tenants: TenantRegistry): { tenant: Tenant; prefix: string } | undefined {
  const path = c.req.path;
  if (!path.startsWith('/t/')) return { tenant: tenants.default, prefix: '' };
  const end = path.indexOf('/', 3);
  const name = decoded(end === -1 ? path.slice(3) : path.slice(3, end));
  const tenant = name === undefined ? undefined : tenants.get(name);
  return tenant ? { tenant, prefix: `/t/${tenant.name}` } : undefined;
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
