import type { Tenant } from './tenant.js';

export const DEFAULT_TENANT = 'default';
const TENANT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

export interface TenantRegistry {
  readonly default: Tenant;
  /** The named tenant, created on first use; undefined for a name that is not allowed. */
  get(name: string): Tenant | undefined;
  /** Forget a tenant (the default one is replaced by a fresh one instead). */
  reset(name: string): Tenant | undefined;
  names(): string[];
}

export interface TenantRegistryOptions {
  create: (name: string) => Tenant;
}

export function isTenantName(name: string): boolean {
  return TENANT_NAME.test(name);
}

export function createTenantRegistry(options: TenantRegistryOptions): TenantRegistry {
  const tenants = new Map<string, Tenant>();
  const make = (name: string) => {
    const t = options.create(name);
    tenants.set(name, t);
    return t;
  };
  make(DEFAULT_TENANT);
  return {
    get default() {
      return tenants.get(DEFAULT_TENANT)!;
    },
    get(name) {
      if (!isTenantName(name)) return undefined;
      return tenants.get(name) ?? make(name);
    },
    reset(name) {
      if (!isTenantName(name)) return undefined;
      return make(name);
    },
    names: () => [...tenants.keys()],
  };
}
