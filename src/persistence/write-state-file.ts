import { logPathOf } from './load-state-file.js';
import { nodeStateFileSystem, type StateFileSystem } from './state-file-system.js';
import { LOG_KIND, SNAPSHOT_KIND, STATE_VERSION, type LogRecord, type TenantSnapshot } from './state-records.js';
import { StateFileBroken, StateWriteError, reasonOf } from './state-write-errors.js';

export interface StateWriter {
  /**
   * Appends the records as one write; returns once the operating system holds all of them (a
   * SIGKILL cannot lose them). When the write fails the log is cut back to where it was and
   * StateWriteError is thrown; when even that fails, StateFileBroken (and every later append).
   */
  append(records: readonly LogRecord[]): void;
  /** Bytes appended since the last compaction. */
  readonly logBytes: number;
  /** The generation of the snapshot written last (one more at each compaction). */
  readonly generation: number;
  /**
   * Writes a fresh snapshot (temp file, fsync, rename) and starts an empty log. When it fails,
   * the files are as they were (the old snapshot and log still hold everything) and it throws.
   */
  compact(tenants: TenantSnapshot[], savedAt: number): void;
  close(): void;
}

/**
 * Writes the state file and its log. The snapshot's generation goes up at each compaction and the
 * new log carries it, so a log left from before a crash mid-compaction is known to be included.
 */
export function createStateWriter(path: string, generation: number, fs: StateFileSystem = nodeStateFileSystem): StateWriter {
  const logPath = logPathOf(path);
  let fd: number | undefined;
  /** The log's length in bytes: everything up to here is whole records. */
  let size = 0;
  let bytes = 0;
  let current = generation;
  let broken: StateFileBroken | undefined;

  /** Writes all of `data` to `file`, which may take several writes (a write may stop short). */
  const writeAll = (file: number, data: Uint8Array) => {
    for (let done = 0; done < data.length; ) done += fs.writeSync(file, data, done, data.length - done, null);
  };
  /** Writes a whole new file next to `target` and renames it over it, so `target` is never half written. */
  const replace = (target: string, data: Uint8Array, sync: boolean) => {
    const tmp = `${target}.tmp`;
    try {
      const out = fs.openSync(tmp, 'w');
      try {
        writeAll(out, data);
        if (sync) fs.fsyncSync(out);
      } finally {
        fs.closeSync(out);
      }
      fs.renameSync(tmp, target);
    } catch (error) {
      fs.rmSync(tmp, { force: true });
      throw error;
    }
  };
  const startLog = () => {
    if (fd !== undefined) fs.closeSync(fd);
    fd = undefined;
    const header = Buffer.from(`${JSON.stringify({ kind: LOG_KIND, version: STATE_VERSION, generation: current })}\n`);
    // Renamed into place: a log cut short here would be refused at the next start.
    replace(logPath, header, false);
    fd = fs.openSync(logPath, 'a');
    size = header.length;
    bytes = 0;
  };

  return {
    append(records) {
      if (broken) throw broken;
      if (records.length === 0) return;
      try {
        // The last compaction could not start the new log: it is started before anything else.
        if (fd === undefined) startLog();
      } catch (error) {
        throw new StateWriteError(reasonOf(error));
      }
      let text = '';
      for (const record of records) text += `${JSON.stringify(record)}\n`;
      const data = Buffer.from(text);
      try {
        writeAll(fd!, data);
      } catch (error) {
        try {
          fs.ftruncateSync(fd!, size);
        } catch (cutError) {
          broken = new StateFileBroken(logPath, `${reasonOf(error)}, then ${reasonOf(cutError)}`);
          throw broken;
        }
        throw new StateWriteError(reasonOf(error));
      }
      size += data.length;
      bytes += data.length;
    },
    get logBytes() {
      return bytes;
    },
    get generation() {
      return current;
    },
    compact(tenants, savedAt) {
      if (broken) throw broken;
      const next = current + 1;
      const snapshot = { kind: SNAPSHOT_KIND, version: STATE_VERSION, generation: next, savedAt: new Date(savedAt).toISOString(), tenants };
      replace(path, Buffer.from(JSON.stringify(snapshot)), true);
      // The snapshot holds everything now; the old log, of an older generation, is skipped at load.
      current = next;
      try {
        startLog();
      } catch {
        // Appends start the new log before writing; until then there is none to write to.
        fd = undefined;
      }
    },
    close() {
      if (fd !== undefined) fs.closeSync(fd);
      fd = undefined;
    },
  };
}
