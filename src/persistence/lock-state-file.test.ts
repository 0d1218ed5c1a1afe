import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/temp-dir.js';
import { lockPathOf, lockStateFile } from './lock-state-file.js';

const fileIn = () => join(tempDir('lock-'), 'state.json');
const started = Math.round(Date.now() - process.uptime() * 1000);
const leaveLock = (file: string, owner: object) => writeFileSync(lockPathOf(file), JSON.stringify({ since: '2026-11-01T00:00:00.000Z', ...owner }));

describe('the state file lock', () => {
  it('refuses a second holder in this process, naming the first, and is free again once released', () => {
    const file = fileIn();
    const lock = lockStateFile(file);
    expect(() => lockStateFile(file)).toThrow(new RegExp(`state.json: in use by another emulator \\(pid ${process.pid} on ${hostname()}, since `));
    lock.release();
    expect(existsSync(lockPathOf(file))).toBe(false);
    lockStateFile(file).release();
  });

  it('takes over a lock whose process has exited on this host', () => {
    const file = fileIn();
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    leaveLock(file, { pid: gone, host: hostname(), processStart: 1 });
    const lock = lockStateFile(file);
    expect(JSON.parse(readFileSync(lockPathOf(file), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('takes over a lock with its own pid from an earlier process (pid 1 of a restarted container)', () => {
    const file = fileIn();
    leaveLock(file, { pid: process.pid, host: hostname(), processStart: started - 60_000 });
    lockStateFile(file).release();
  });

  it('refuses a lock of a process that still runs on this host', () => {
    const file = fileIn();
    leaveLock(file, { pid: process.ppid, host: hostname(), processStart: 1 });
    expect(() => lockStateFile(file)).toThrow(/in use by another emulator \(pid \d+ on /);
    // Left as it was: it is not ours.
    expect(JSON.parse(readFileSync(lockPathOf(file), 'utf8')).pid).toBe(process.ppid);
  });

  it('waits out a heartbeat from another host, then takes over a lock left without one', () => {
    const file = fileIn();
    leaveLock(file, { pid: 4242, host: 'another-host', processStart: 1 });
    expect(() => lockStateFile(file)).toThrow(/pid 4242 on another-host/);
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockPathOf(file), old, old);
    lockStateFile(file).release();
  });

  it('names an unreadable lock while it may be one being written, and takes over an old one', () => {
    const file = fileIn();
    writeFileSync(lockPathOf(file), '{"pid":');
    expect(() => lockStateFile(file)).toThrow(/locked by .*state\.json\.lock, which cannot be read; remove it if no emulator uses this state file/);
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockPathOf(file), old, old);
    lockStateFile(file).release();
  });
});
