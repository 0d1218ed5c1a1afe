import type { TaskRecord } from '../domain/types.js';
import { snapshotTenant, type Tenant, type TenantChanges } from '../tenants/tenant.js';
import { loadStateFile } from './load-state-file.js';
import { replayState } from './replay-state.js';
import type { TenantSnapshot } from './state-records.js';
import { createStateWriter } from './write-state-file.js';

export interface PersistenceOptions {
  path: string;
  regenerate(seed: number, start: number): TaskRecord[];
  defaultScenario: string;
  /** Real time, for the snapshot's savedAt. */
  realTime: () => number;
  /** Compact the log into a new snapshot once it grows past this (default 16 MiB). */
  compactBytes?: number;
}

export interface Persistence {
  /** Saved tenants to restore, by name. */
  restored: ReadonlyMap<string, TenantSnapshot>;
  /** Differs at every start with this state file: salts restored tenants' id streams. */
  readonly startNumber: number;
  warnings: string[];
  changes: TenantChanges;
  tenantCreated(tenant: Tenant): void;
  /** A tenant replaced by an imported snapshot. */
  tenantRestored(tenant: Tenant): void;
  tenantForgotten(name: string): void;
  /** Save the tenants as they stand and log from now on; `tenants` lists the live ones. */
  start(tenants: () => Tenant[]): void;
  /** Write a snapshot of the live tenants and start a new log. */
  checkpoint(): void;
  close(): void;
}

/**
 * `--state-file`: restore what was saved, then write every acknowledged change to an append-only
 * log before its request is answered, compacting the log into the snapshot at start and whenever
 * it grows large. docs/persistence.md describes the files.
 */
export function openPersistence(options: PersistenceOptions): Persistence {
  const contents = loadStateFile(options.path);
  const restored = new Map(
    replayState(contents.snapshot, contents.records, { regenerate: options.regenerate, defaultScenario: options.defaultScenario }).map((t) => [t.name, t]),
  );
  const writer = createStateWriter(options.path, contents.snapshot?.generation ?? 0);
  const compactBytes = options.compactBytes ?? 16 * 1024 * 1024;
  let live: (() => Tenant[]) | undefined;

  const checkpoint = () => {
    if (live) writer.compact(live().map(snapshotTenant), options.realTime());
  };
  const append = (record: Parameters<typeof writer.append>[0]) => {
    if (!live) return; // before start, whose checkpoint saves everything anyway
    writer.append(record);
    if (writer.logBytes > compactBytes) checkpoint();
  };

  // The start's own compaction raises the generation by one, so this is unique to this start.
  const startNumber = writer.generation + 1;
  return {
    restored,
    startNumber,
    warnings: contents.warnings,
    changes: {
      task: (tenant, task) => append({ op: 'put', tenant, task }),
      clock: (tenant, now) => append({ op: 'clock', tenant, now }),
      settings: (tenant, settings) => append({ op: 'engine', tenant, ...settings }),
      work: (tenant, change) => append({ op: 'work', tenant, ...change }),
    },
    tenantCreated: (tenant) => append({ op: 'tenant', tenant: tenant.name, seed: tenant.seed, start: tenant.startedAt }),
    tenantRestored: (tenant) => append({ op: 'restore', tenant: tenant.name, snapshot: snapshotTenant(tenant) }),
    tenantForgotten: (name) => append({ op: 'drop', tenant: name }),
    start(tenants) {
      live = tenants;
      checkpoint();
    },
    checkpoint,
    close() {
      checkpoint();
      writer.close();
      live = undefined;
    },
  };
}
