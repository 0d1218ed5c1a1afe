import { closeSync, fsyncSync, ftruncateSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';

/**
 * The file operations the state writer uses, so tests can make any of them fail (a full disk, a
 * read-only directory) without a real one.
 */
export interface StateFileSystem {
  openSync(path: string, flags: string): number;
  writeSync(fd: number, data: Uint8Array, offset: number, length: number, position: number | null): number;
  ftruncateSync(fd: number, length: number): void;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  rmSync(path: string, options: { force: boolean }): void;
}

export const nodeStateFileSystem: StateFileSystem = { openSync, writeSync, ftruncateSync, fsyncSync, closeSync, renameSync, rmSync };
