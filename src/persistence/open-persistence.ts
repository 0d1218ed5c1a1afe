import { dirname } from 'node:path';
import type { TaskRecord } from '../model/task-record.js';
import { snapshotTenant, type Tenant, type TenantChanges } from '../tenants/tenant.js';
import { loadStateFile } from './load-state-file.js';
import { lockStateFile, type StateFileLock } from './lock-state-file.js';
import { replayState } from './replay-state.js';
import type { StateFileSystem } from './state-file-system.js';
import { StateFileBroken, reasonOf, unwritableReason } from './state-write-errors.js';
import { StateFileError, type LogRecord, type TenantSnapshot } from './state-records.js';
import { createStateWriter } from './write-state-file.js';

export interface PersistenceOptions {
  path: string;
  regenerate(seed: number, start: number): TaskRecord[];
  defaultScenario: string;
  /** Real time, for the snapshot's savedAt. */
  realTime: () => number;
  /** Compact the log into a new snapshot once it grows past this (default 16 MiB). */
  compactBytes?: number;
  /** The file operations to use (tests make them fail); node:fs by default. */
  fileSystem?: StateFileSystem;
  /** Hears a compaction that failed (the log goes on growing, and compaction is tried again). */
  warn?: (message: string) => void;
  /** Hears, once, that the log could not be repaired after a failed write. */
  onBroken?: (error: StateFileBroken) => void;
}

export interface Persistence {
  /** Saved tenants to restore, by name. */
  restored: ReadonlyMap<string, TenantSnapshot>;
  /** Differs at every start with this state file: salts restored tenants' id streams. */
  readonly startNumber: number;
  warnings: string[];
  changes: TenantChanges;
  /** Each throws StateWriteError when the record could not be written (nothing was). */
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
 * `--state-file`: restore what was saved, then write every change to an append-only log before
 * its request is answered, compacting the log into the snapshot at start and whenever it grows
 * large. A change whose record cannot be written is undone, so what a client was told happened is
 * exactly what the files hold (docs/persistence.md describes the files and the failure rules).
 */
export function openPersistence(options: PersistenceOptions): Persistence {
  const lock = lockStateFile(options.path);
  try {
    return openLocked(options, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

function openLocked(options: PersistenceOptions, lock: StateFileLock): Persistence {
  const contents = loadStateFile(options.path);
  const restored = new Map(
    replayState(contents.snapshot, contents.records, { regenerate: options.regenerate, defaultScenario: options.defaultScenario }).map((t) => [t.name, t]),
  );
  const writer = createStateWriter(options.path, contents.snapshot?.generation ?? 0, options.fileSystem);
  const compactBytes = options.compactBytes ?? 16 * 1024 * 1024;
  let live: (() => Tenant[]) | undefined;
  let reportedBroken = false;

  // The change under way: its records, written together when it ends, and how to undo each part.
  let depth = 0;
  let pending: LogRecord[] = [];
  let undos: Array<() => void> = [];

  const checkpoint = () => {
    if (live) writer.compact(live().map(snapshotTenant), options.realTime());
  };
  const compactIfLarge = () => {
    if (writer.logBytes <= compactBytes) return;
    try {
      checkpoint();
    } catch (error) {
      options.warn?.(`could not compact ${options.path} (${reasonOf(error)}); the log keeps growing and compaction is tried again later`);
    }
  };
  /** Writes the change's records, or undoes all of it (newest part first) and throws. */
  const commit = () => {
    const records = pending;
    const undo = undos;
    pending = [];
    undos = [];
    try {
      writer.append(records);
    } catch (error) {
      for (let i = undo.length - 1; i >= 0; i--) undo[i]!();
      if (error instanceof StateFileBroken && !reportedBroken) {
        reportedBroken = true;
        options.onBroken?.(error);
      }
      throw error;
    }
    compactIfLarge();
  };
  /** One part of a change: alone, it is written at once; inside `atomically`, with the rest. */
  const record = (entry: LogRecord, undo: () => void) => {
    if (!live) return; // before start, whose checkpoint saves everything anyway
    pending.push(entry);
    undos.push(undo);
    if (depth === 0) commit();
  };
  const atomically = <T>(fn: () => T): T => {
    if (depth > 0 || !live) return fn();
    depth++;
    let result: T;
    try {
      result = fn();
    } catch (error) {
      // What was done before the failure stands (a settled step, say): it is kept, then the
      // error goes on. A write failure outranks it.
      depth--;
      commit();
      throw error;
    }
    depth--;
    commit();
    return result;
  };

  // The start's own compaction raises the generation by one, so this is unique to this start.
  const startNumber = writer.generation + 1;
  const nothing = () => {};
  return {
    restored,
    startNumber,
    warnings: contents.warnings,
    changes: {
      task: (tenant, task, undo) => record({ op: 'put', tenant, task }, undo),
      clock: (tenant, now, undo) => record({ op: 'clock', tenant, now }, undo),
      settings: (tenant, settings, undo) => record({ op: 'engine', tenant, ...settings }, undo),
      work: (tenant, change, undo) => record({ op: 'work', tenant, ...change }, undo),
      atomically,
    },
    // The registry adds or keeps a tenant only once these return, so they have nothing to undo.
    tenantCreated: (tenant) => record({ op: 'tenant', tenant: tenant.name, seed: tenant.seed, start: tenant.startedAt }, nothing),
    tenantRestored: (tenant) => record({ op: 'restore', tenant: tenant.name, snapshot: snapshotTenant(tenant) }, nothing),
    tenantForgotten: (name) => record({ op: 'drop', tenant: name }, nothing),
    start(tenants) {
      live = tenants;
      try {
        checkpoint();
      } catch (error) {
        live = undefined;
        throw new StateFileError(options.path, unwritableReason(error, dirname(options.path)));
      }
    },
    checkpoint,
    close() {
      try {
        checkpoint();
      } finally {
        writer.close();
        live = undefined;
        lock.release();
      }
    },
  };
}

