import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

/**
 * A new directory in the system's temporary one, removed with its contents when the test that
 * asked for it ends (call it inside a test). A suite that leaves one behind per run fills /tmp on
 * a developer's machine or a long-lived CI runner.
 */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
