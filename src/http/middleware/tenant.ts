import type { Context, MiddlewareHandler } from 'hono';
import { isTenantName, TenantLimitError, type TenantRegistry } from '../../tenants/tenant-registry.js';
import type { ApiEnv } from '../shared/env.js';
import { GENERIC_DOCS_URL, MESSAGES } from '../shared/messages.js';
import { respondError } from '../shared/respond.js';
import { originOf, parseTenantPath } from '../shared/tenant-path.js';

/** The answer for a request that may not bring the tenant it addresses into being (new-tenant-gate.ts). */
export type NewTenantGate = (c: Context<ApiEnv>, rest: string) => Response | undefined;

/**
 * Finds the tenant a request addresses (/t/{name}/... or the default one) and hands it, its world
 * and its public API base to what follows. A tenant that does not exist yet is made if the gate
 * lets the request through; otherwise the gate's answer. A name no tenant can have is a
 * GitHub-shaped 404, and a full registry a 503.
 */
export function resolveTenant(tenants: TenantRegistry, publicBase: string | undefined, gate: NewTenantGate): MiddlewareHandler<ApiEnv> {
  // Nothing to do once the handler is done: it hands on by returning next(), not awaiting it
  // (decisions/0010-plain-middleware.md).
  return (c, next) => {
    const addressed = parseTenantPath(c.req.path);
    let tenant = tenants.default;
    if (addressed.name !== undefined) {
      const name = addressed.name;
      if (!isTenantName(name)) return Promise.resolve(respondError(c, 404, MESSAGES.notFound, GENERIC_DOCS_URL));
      const found = tenants.find(name);
      if (found) tenant = found;
      else {
        const refused = gate(c, addressed.rest);
        if (refused) return Promise.resolve(refused);
        try {
          tenant = tenants.open(name)!;
        } catch (error) {
          if (!(error instanceof TenantLimitError)) throw error;
          return Promise.resolve(respondError(c, 503, `Service Unavailable: tenant ${name} cannot be made: ${error.message}`, GENERIC_DOCS_URL, undefined, { 'retry-after': '60' }));
        }
      }
    }
    c.set('tenant', tenant);
    c.set('world', tenant.world);
    c.set('tenantPath', addressed);
    c.set('apiBase', `${publicBase ?? originOf(c.req.url)}${addressed.name === undefined ? '' : `/t/${tenant.name}`}`);
    return next();
  };
}
