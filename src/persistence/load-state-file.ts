import { existsSync, readFileSync } from 'node:fs';
import { LOG_KIND, SNAPSHOT_KIND, STATE_VERSION, StateFileError, type LogHeader, type LogRecord, type StateSnapshot } from './state-records.js';
import { createTenantSnapshotCheck } from './task-record-schema.js';

export interface StateFileContents {
  snapshot?: StateSnapshot;
  /** Records of the log written after the snapshot; empty when the log belongs to an older one. */
  records: LogRecord[];
  warnings: string[];
}

export const logPathOf = (path: string) => `${path}.log`;

const OPS = new Set(['tenant', 'restore', 'put', 'clock', 'engine', 'drop', 'work']);

/**
 * Reads a state file (snapshot) and its log (`<path>.log`). A torn last log line — the process
 * died mid-write — is dropped with a warning; anything else that does not parse, or a version this
 * build does not know, is an error, and the caller must not touch the files.
 */
export function loadStateFile(path: string): StateFileContents {
  const warnings: string[] = [];
  let snapshot: StateSnapshot | undefined;
  if (existsSync(path)) {
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new StateFileError(path, `not a readable state snapshot (${(error as Error).message}); move it away or fix it, it was left untouched`);
    }
    snapshot = checkSnapshot(path, value);
  }

  const logPath = logPathOf(path);
  if (!existsSync(logPath)) return { snapshot, records: [], warnings };
  const text = readFileSync(logPath, 'utf8');
  const lines = text.split('\n');
  const complete = text.endsWith('\n');
  if (lines.at(-1) === '') lines.pop();
  if (lines.length === 0) return { snapshot, records: [], warnings };

  let header: LogHeader;
  try {
    header = JSON.parse(lines[0]!);
  } catch {
    throw new StateFileError(logPath, 'the first line is not a log header; the file was left untouched');
  }
  if (header?.kind !== LOG_KIND) throw new StateFileError(logPath, 'not an agent-tasks-emulator log; the file was left untouched');
  if (header.version !== STATE_VERSION) {
    throw new StateFileError(logPath, `written by state version ${header.version}, this build reads version ${STATE_VERSION}; the file was left untouched`);
  }
  if (snapshot && header.generation < snapshot.generation) return { snapshot, records: [], warnings };

  const records: LogRecord[] = [];
  for (let i = 1; i < lines.length; i++) {
    const last = i === lines.length - 1;
    let record: LogRecord;
    try {
      record = JSON.parse(lines[i]!);
    } catch {
      if (last && !complete) {
        warnings.push(`${logPath}: dropped a torn last record (line ${i + 1}), written when the process stopped mid-write`);
        break;
      }
      throw new StateFileError(logPath, `line ${i + 1} is corrupt; the file was left untouched`);
    }
    if (!record || !OPS.has((record as { op?: string }).op ?? '') || typeof record.tenant !== 'string') {
      throw new StateFileError(logPath, `line ${i + 1} is not a record this build knows; the file was left untouched`);
    }
    records.push(record);
  }
  return { snapshot, records, warnings };
}

function checkSnapshot(path: string, value: unknown): StateSnapshot {
  const s = value as Partial<StateSnapshot> | null;
  if (!s || s.kind !== SNAPSHOT_KIND) throw new StateFileError(path, 'not an agent-tasks-emulator state file; it was left untouched');
  if (s.version !== STATE_VERSION) {
    throw new StateFileError(path, `written by state version ${s.version}, this build reads version ${STATE_VERSION}; it was left untouched`);
  }
  if (typeof s.generation !== 'number' || !Array.isArray(s.tenants)) throw new StateFileError(path, 'malformed state file; it was left untouched');
  const check = createTenantSnapshotCheck();
  for (const [i, tenant] of s.tenants.entries()) {
    const problem = check(tenant);
    if (problem) throw new StateFileError(path, `tenant ${i}: ${problem}; it was left untouched`);
  }
  return s as StateSnapshot;
}
