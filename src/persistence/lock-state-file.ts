import { closeSync, openSync, readFileSync, rmSync, statSync, utimesSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { StateFileError } from './state-records.js';
import { unwritableReason } from './state-write-errors.js';

/** How often a holder marks its lock as alive, and how long without that counts as abandoned. */
const HEARTBEAT_MS = 3_000;
const ABANDONED_AFTER_MS = 15_000;
/** A lock that does not parse may be one being written this instant; an old one was torn by a crash. */
const UNREADABLE_AFTER_MS = 2_000;

interface LockOwner {
  pid: number;
  host: string;
  /** When the owning process started (epoch ms), which tells a reused pid from its first owner. */
  processStart: number;
  since: string;
}

export interface StateFileLock {
  release(): void;
}

export const lockPathOf = (path: string) => `${path}.lock`;

/**
 * One writer per state file: `<path>.lock` names the process that holds it. A lock whose process
 * is gone is taken over at once when it was on this host (its pid no longer runs, or runs a later
 * process), and after ABANDONED_AFTER_MS without a heartbeat when it was on another (a container
 * replaced by a new one with the same volume). docs/decisions/0008-state-file-lock.md says why
 * not a library.
 */
export function lockStateFile(path: string, now: () => number = Date.now): StateFileLock {
  const lockPath = lockPathOf(path);
  const me: LockOwner = { pid: process.pid, host: hostname(), processStart: Math.round(now() - process.uptime() * 1000), since: new Date(now()).toISOString() };
  const text = `${JSON.stringify(me)}\n`;
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      try {
        writeSync(fd, text);
      } finally {
        closeSync(fd);
      }
      break;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== 'EEXIST') throw new StateFileError(path, unwritableReason(error, dirname(path)));
      const holder = readOwner(lockPath);
      const abandoned = holder ? isAbandoned(holder, lockPath, me, now) : olderThan(lockPath, UNREADABLE_AFTER_MS, now);
      if (attempt > 0 || !abandoned) {
        throw new StateFileError(path, holder ? `in use by another emulator (${describe(holder)}); stop it, or choose another --state-file` : `locked by ${lockPath}, which cannot be read; remove it if no emulator uses this state file`);
      }
      rmSync(lockPath, { force: true });
    }
  }
  // Marks the lock alive for emulators on other hosts sharing the directory; never keeps the process up.
  const heartbeat = setInterval(() => {
    try {
      const t = new Date(now());
      utimesSync(lockPath, t, t);
    } catch {
      // Gone or unwritable: the next start decides by pid and host, as after a crash.
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  let held = true;
  return {
    release() {
      if (!held) return;
      held = false;
      clearInterval(heartbeat);
      // Only our own lock: one taken over after we were thought gone is not ours to remove.
      if (readOwner(lockPath)?.pid === me.pid && readOwner(lockPath)?.processStart === me.processStart) rmSync(lockPath, { force: true });
    },
  };
}

function readOwner(lockPath: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(lockPath, 'utf8')) as LockOwner;
    return typeof owner?.pid === 'number' && typeof owner.host === 'string' ? owner : undefined;
  } catch {
    return undefined;
  }
}

function isAbandoned(holder: LockOwner, lockPath: string, me: LockOwner, now: () => number): boolean {
  if (holder.host !== me.host) return olderThan(lockPath, ABANDONED_AFTER_MS, now);
  // Our own pid: this process holds it (another emulator in it) unless it is a reused pid, as
  // for process 1 of a restarted container.
  if (holder.pid === me.pid) return Math.abs(holder.processStart - me.processStart) > 2_000;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    // EPERM: the process runs, as another user.
    return (error as { code?: string }).code === 'ESRCH';
  }
}

function olderThan(path: string, ms: number, now: () => number): boolean {
  try {
    return now() - statSync(path).mtimeMs > ms;
  } catch {
    return true;
  }
}

function describe(holder: LockOwner): string {
  return `pid ${holder.pid} on ${holder.host}, since ${holder.since}`;
}
