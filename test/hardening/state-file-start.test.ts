import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../src/create-emulator.js';
import { failingFileSystem } from '../support/failing-file-system.js';
import { tempDir } from '../support/temp-dir.js';

describe('a state file that cannot be written at start', () => {
  it('names the directory and the user it must be writable by, without a stack', () => {
    // As a host directory owned by root, mounted where the image's user (uid 1000) writes.
    const dir = tempDir('readonly-');
    const { fs, disk } = failingFileSystem();
    disk.openRefused = 'EACCES';
    expect(() => createEmulator({ stateFile: join(dir, 'state.json'), stateFileSystem: fs })).toThrow(
      /state\.json: cannot write in .*readonly-\w+ \(EACCES: permission denied\): it must be writable by the user the emulator runs as \(uid \d+; in the container image, uid 1000: chown 1000 the host directory\)/,
    );
  });

  it('says so when the disk is full, and lets the file go for the next try', () => {
    const file = join(tempDir('full-'), 'state.json');
    const { fs, disk } = failingFileSystem();
    disk.full = true;
    expect(() => createEmulator({ stateFile: file, stateFileSystem: fs })).toThrow(/state\.json: cannot write in .*: no space left on the device/);
    disk.full = false;
    expect(() => createEmulator({ stateFile: file, stateFileSystem: fs }).close()).not.toThrow();
  });
});
