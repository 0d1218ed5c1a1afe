import { nodeStateFileSystem, type StateFileSystem } from '../../src/persistence/state-file-system.js';

const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

/**
 * The real file layer, with a disk that can fill up: while `full`, a write stores at most
 * `room` more bytes (half a record, say) and then fails with ENOSPC, as a full disk does; while
 * `truncateFails`, cutting a file back fails too; while `openRefused` names an error code
 * (EACCES), opening a file fails with it, as in a directory the process may not write.
 */
export function failingFileSystem() {
  const disk = { full: false, room: 0, truncateFails: false, writesRefused: 0, openRefused: undefined as string | undefined };
  const fs: StateFileSystem = {
    ...nodeStateFileSystem,
    openSync(path, flags) {
      if (disk.openRefused) throw Object.assign(new Error(`${disk.openRefused}: permission denied, open '${path}'`), { code: disk.openRefused });
      return nodeStateFileSystem.openSync(path, flags);
    },
    writeSync(fd, data, offset, length, position) {
      if (!disk.full) return nodeStateFileSystem.writeSync(fd, data, offset, length, position);
      if (disk.room > 0) {
        const n = Math.min(disk.room, length);
        disk.room -= n;
        return nodeStateFileSystem.writeSync(fd, data, offset, n, position);
      }
      disk.writesRefused++;
      throw enospc();
    },
    ftruncateSync(fd, length) {
      if (disk.truncateFails) throw Object.assign(new Error('EIO: i/o error, ftruncate'), { code: 'EIO' });
      nodeStateFileSystem.ftruncateSync(fd, length);
    },
  };
  return { fs, disk };
}
