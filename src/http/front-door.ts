import type { Context, MiddlewareHandler } from 'hono';
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
}

/**
 * What every request passes before routing, in this order: GitHub's standard headers, the tenant
 * it addresses (/t/{name}/... or the default one), the request journal, fault injection, then
 * the API version check. One middleware doing these in turn, rather than one each, keeps a
 * request to a single await here: each layer of Hono middleware costs a promise and a dispatch,
 * which added up to a large share of a list request (bench/NOTES.md, third round).
 */
export function frontDoor(options: FrontDoorOptions): MiddlewareHandler<ApiEnv> {
  const { tenants, publicBase, realTime, sleep } = options;
  return async (c, next) => {
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
    let cut = true;
    try {
      const goOn = () => {
        const refused = checkApiVersion(c);
        if (refused) c.res = refused;
        else return next();
      };
      const fired = decideFault(c);
      if (!fired) await goOn();
      else {
        const answer = await injectFault(c, fired, sleep, goOn);
        if (answer) c.res = answer;
      }
      cut = false;
    } finally {
      recordJournal(c, realTime() - started, cut);
    }
    finishAnswer(c);
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
