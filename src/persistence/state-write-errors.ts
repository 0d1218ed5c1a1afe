/**
 * A change could not be written to the state log. The log was cut back to its last whole record
 * and the change undone in memory, so nothing of it remains: the client may retry.
 */
export class StateWriteError extends Error {
  constructor(readonly reason: string) {
    super(`could not write to the state file (${reason})`);
    this.name = 'StateWriteError';
  }
}

/**
 * The state log holds a record that could not be cut back after a failed write: the emulator can
 * no longer keep its state and must stop (docs/persistence.md).
 */
export class StateFileBroken extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: a failed write could not be undone (${reason}); stopping rather than run on with state that cannot be kept`);
    this.name = 'StateFileBroken';
  }
}

/** `ENOSPC: no space left on device, write` as `ENOSPC: no space left on device`. */
export function reasonOf(error: unknown): string {
  const e = error as { code?: string; message?: string };
  if (e?.code && e.message) return e.message.replace(/, \w+( '.*')?$/, '');
  return e?.message ?? String(error);
}

/**
 * Why a state file's directory cannot be written, with what to do about it: a host directory
 * mounted into the container image belongs to whoever made it, not to the image's user.
 */
export function unwritableReason(error: unknown, dir: string): string {
  const code = (error as { code?: string }).code;
  const uid = process.getuid?.();
  if (code === 'EACCES' || code === 'EPERM') {
    return `cannot write in ${dir} (${reasonOf(error)}): it must be writable by the user the emulator runs as${uid === undefined ? '' : ` (uid ${uid}; in the container image, uid 1000: chown 1000 the host directory)`}`;
  }
  if (code === 'EROFS') return `cannot write in ${dir}: it is on a read-only file system`;
  if (code === 'ENOSPC') return `cannot write in ${dir}: no space left on the device`;
  return `cannot write in ${dir} (${reasonOf(error)})`;
}
