import type { MiddlewareHandler } from 'hono';
import type { TenantRegistry } from '../../tenants/tenant-registry.js';
import type { ApiEnv } from '../shared/env.js';
import { GENERIC_DOCS_URL, MESSAGES } from '../shared/messages.js';
import { respondError } from '../shared/respond.js';
import { originOf, parseTenantPath } from '../shared/tenant-path.js';

/**
 * Finds the tenant a request addresses (/t/{name}/... or the default one) and hands it, its world
 * and its public API base to what follows; an unknown or disallowed name is a GitHub-shaped 404.
 */
export function resolveTenant(tenants: TenantRegistry, publicBase: string | undefined): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const addressed = parseTenantPath(c.req.path);
    const tenant = addressed.name === undefined ? tenants.default : tenants.get(addressed.name);
    if (!tenant) return respondError(c, 404, MESSAGES.notFound, GENERIC_DOCS_URL);
    c.set('tenant', tenant);
    c.set('world', tenant.world);
    c.set('tenantPath', addressed);
    c.set('apiBase', `${publicBase ?? originOf(c.req.url)}${addressed.name === undefined ? '' : `/t/${tenant.name}`}`);
    await next();
  };
}
