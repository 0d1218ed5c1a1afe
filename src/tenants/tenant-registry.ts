import type { TenantSnapshot } from './tenant-snapshot.js';
import type { Tenant } from './tenant.js';

export const DEFAULT_TENANT = 'default';
const TENANT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
const SWEEP_EVERY_MS = 1000;

export interface TenantOverrides {
  seed?: number;
  /** Start from this saved state instead of the fixtures (snapshot import). */
  restore?: TenantSnapshot;
}

export interface TenantRegistry {
  readonly default: Tenant;
  /** The named tenant, created on first use; undefined for a name that is not allowed. */
  get(name: string): Tenant | undefined;
  /** Replace a tenant with a fresh one from the fixtures (optionally another seed). */
  reset(name: string, overrides?: TenantOverrides): Tenant | undefined;
  names(): string[];
  all(): Tenant[];
}

export interface TenantRegistryOptions {
  create: (name: string, overrides?: TenantOverrides) => Tenant;
  /** Real time in epoch ms, for idle expiry (a tenant's own clock may be frozen). */
  realTime: () => number;
  /** A named tenant unused for this long is forgotten (default: 30 minutes). */
  idleMs?: number;
  /** At most this many tenants; past it the least recently used named one is forgotten. */
  maxTenants?: number;
  /** Tenants to bring back (restored from a state file), created before anything else. */
  initial?: string[];
  /** Hears each tenant that expires or is evicted. */
  onForget?: (name: string) => void;
}

export function isTenantName(name: string): boolean {
  return TENANT_NAME.test(name);
}

/**
 * Tenants by name. Parallel CI jobs each take a name (/t/{name}/...); idle ones expire and the
 * number is capped, so a long-lived emulator's memory stays bounded.
 */
export function createTenantRegistry(options: TenantRegistryOptions): TenantRegistry {
  const idleMs = options.idleMs ?? 30 * 60_000;
  const maxTenants = Math.max(1, options.maxTenants ?? 1000);
  // Map order is least recently used first: a use moves the tenant to the end.
  const tenants = new Map<string, Tenant>();
  const lastUsed = new Map<string, number>();
  let lastSweep = options.realTime();

  const touch = (name: string, tenant: Tenant) => {
    tenants.delete(name);
    tenants.set(name, tenant);
    lastUsed.set(name, options.realTime());
    return tenant;
  };
  const forget = (name: string) => {
    if (tenants.delete(name)) options.onForget?.(name);
    lastUsed.delete(name);
  };
  const sweep = () => {
    const now = options.realTime();
    if (now - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = now;
    for (const [name, used] of lastUsed) if (name !== DEFAULT_TENANT && now - used > idleMs) forget(name);
  };
  const make = (name: string, overrides?: TenantOverrides) => {
    tenants.delete(name);
    while (tenants.size >= maxTenants) {
      const oldest = [...tenants.keys()].find((n) => n !== DEFAULT_TENANT);
      if (oldest === undefined) break;
      forget(oldest);
    }
    return touch(name, options.create(name, overrides));
  };
  for (const name of options.initial ?? []) make(name);
  if (!tenants.has(DEFAULT_TENANT)) make(DEFAULT_TENANT);

  return {
    get default() {
      return tenants.get(DEFAULT_TENANT)!;
    },
    get(name) {
      if (!isTenantName(name)) return undefined;
      sweep();
      const existing = tenants.get(name);
      return existing ? touch(name, existing) : make(name);
    },
    reset(name, overrides) {
      return isTenantName(name) ? make(name, overrides) : undefined;
    },
    names: () => [...tenants.keys()],
    all: () => [...tenants.values()],
  };
}
