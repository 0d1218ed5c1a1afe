import type { TenantSnapshot } from '../persistence/state-records.js';
import type { Tenant } from './tenant.js';

export const DEFAULT_TENANT = 'default';
const TENANT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
const SWEEP_EVERY_MS = 1000;

export interface TenantOverrides {
  seed?: number;
  /** Start from this saved state instead of the fixtures (snapshot import). */
  restore?: TenantSnapshot;
}

/** Every tenant slot is taken by a tenant used within its idle time: a new one must wait. */
export class TenantLimitError extends Error {
  constructor(
    readonly limit: number,
    readonly idleMs: number,
  ) {
    super(`all ${limit} tenants are in use; a tenant unused for ${Math.round(idleMs / 60_000)} minutes is forgotten, or raise --max-tenants`);
    this.name = 'TenantLimitError';
  }
}

export interface TenantRegistry {
  readonly default: Tenant;
  /** The named tenant if it lives; never creates one. */
  find(name: string): Tenant | undefined;
  /**
   * The named tenant, created when it does not live yet; undefined for a name that is not
   * allowed. Throws TenantLimitError when the registry is full of tenants still in use.
   */
  open(name: string): Tenant | undefined;
  /**
   * Replace a tenant (creating it when it does not live) with a fresh one from the fixtures, or
   * another seed, or a snapshot. The old one stays if making the new one fails.
   */
  reset(name: string, overrides?: TenantOverrides): Tenant | undefined;
  names(): string[];
  all(): Tenant[];
}

export interface TenantRegistryOptions {
  /** Makes a tenant; when it throws (its record could not be saved), nothing changes. */
  create: (name: string, overrides?: TenantOverrides) => Tenant;
  /** Real time in epoch ms, for idle expiry (a tenant's own clock may be frozen). */
  realTime: () => number;
  /** A named tenant unused for this long is forgotten (default: 30 minutes). */
  idleMs?: number;
  /** At most this many tenants, the default one included. */
  maxTenants?: number;
  /** Tenants to bring back (restored from a state file), created before anything else. */
  initial?: string[];
  /** Hears each tenant that expires; answering false keeps it (its removal could not be saved). */
  onForget?: (name: string) => boolean | void;
}

export function isTenantName(name: string): boolean {
  return TENANT_NAME.test(name);
}

/**
 * Tenants by name. Parallel CI jobs each take a name (/t/{name}/...); idle ones expire and the
 * number is capped, so a long-lived emulator's memory stays bounded. A tenant in use is never
 * dropped to make room for another (docs/decisions/0007-tenants.md).
 */
export function createTenantRegistry(options: TenantRegistryOptions): TenantRegistry {
  const idleMs = options.idleMs ?? 30 * 60_000;
  const maxTenants = Math.max(1, options.maxTenants ?? 1000);
  const tenants = new Map<string, Tenant>();
  const lastUsed = new Map<string, number>();
  let lastSweep = options.realTime();

  const touch = (name: string, tenant: Tenant) => {
    lastUsed.set(name, options.realTime());
    return tenant;
  };
  const forget = (name: string) => {
    if (options.onForget?.(name) === false) return;
    tenants.delete(name);
    lastUsed.delete(name);
  };
  const sweep = (force = false) => {
    const now = options.realTime();
    if (!force && now - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = now;
    for (const [name, used] of lastUsed) if (name !== DEFAULT_TENANT && now - used > idleMs) forget(name);
  };
  const make = (name: string, overrides?: TenantOverrides) => {
    if (!tenants.has(name) && tenants.size >= maxTenants) {
      sweep(true);
      if (tenants.size >= maxTenants) throw new TenantLimitError(maxTenants, idleMs);
    }
    const tenant = options.create(name, overrides);
    tenants.set(name, tenant);
    return touch(name, tenant);
  };
  for (const name of options.initial ?? []) make(name);
  if (!tenants.has(DEFAULT_TENANT)) make(DEFAULT_TENANT);

  const find = (name: string) => {
    sweep();
    const existing = tenants.get(name);
    return existing && touch(name, existing);
  };
  return {
    get default() {
      return tenants.get(DEFAULT_TENANT)!;
    },
    find,
    open(name) {
      if (!isTenantName(name)) return undefined;
      return find(name) ?? make(name);
    },
    reset(name, overrides) {
      return isTenantName(name) ? make(name, overrides) : undefined;
    },
    names: () => [...tenants.keys()],
    all: () => [...tenants.values()],
  };
}
