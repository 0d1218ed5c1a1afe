import { closeSync, fsyncSync, openSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { logPathOf } from './load-state-file.js';
import { LOG_KIND, SNAPSHOT_KIND, STATE_VERSION, type LogRecord, type TenantSnapshot } from './state-records.js';

export interface StateWriter {
  /** Appends one record; returns once the operating system holds it (a SIGKILL cannot lose it). */
  append(record: LogRecord): void;
  /** Bytes appended since the last compaction. */
  readonly logBytes: number;
  /** The generation of the snapshot written last (one more at each compaction). */
  readonly generation: number;
  /** Writes a fresh snapshot (atomically: temp file, fsync, rename) and starts an empty log. */
  compact(tenants: TenantSnapshot[], savedAt: number): void;
  close(): void;
}

/**
 * Writes the state file and its log. The snapshot's generation goes up at each compaction and the
 * new log carries it, so a log left from before a crash mid-compaction is known to be included.
 */
export function createStateWriter(path: string, generation: number): StateWriter {
  const logPath = logPathOf(path);
  let fd: number | undefined;
  let bytes = 0;
  let current = generation;

  const startLog = () => {
    if (fd !== undefined) closeSync(fd);
    writeFileSync(logPath, `${JSON.stringify({ kind: LOG_KIND, version: STATE_VERSION, generation: current })}\n`);
    fd = openSync(logPath, 'a');
    bytes = 0;
  };

  return {
    append(record) {
      if (fd === undefined) throw new Error('state writer used before its first compaction');
      const line = `${JSON.stringify(record)}\n`;
      writeSync(fd, line);
      bytes += line.length;
    },
    get logBytes() {
      return bytes;
    },
    get generation() {
      return current;
    },
    compact(tenants, savedAt) {
      current += 1;
      const tmp = `${path}.tmp`;
      const snapshot = { kind: SNAPSHOT_KIND, version: STATE_VERSION, generation: current, savedAt: new Date(savedAt).toISOString(), tenants };
      const out = openSync(tmp, 'w');
      try {
        writeSync(out, JSON.stringify(snapshot));
        fsyncSync(out);
      } finally {
        closeSync(out);
      }
      renameSync(tmp, path);
      startLog();
    },
    close() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  };
}
