import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const BENCH_SCENARIOS = fileURLToPath(new URL('../scenarios/', import.meta.url));

/**
 * A copy of bench/fixtures whose tasks.yaml generates `count` tasks, all octocat's in
 * octocat/hello-world: the largest single list scope, the worst case for a list. Removed when the
 * benchmark's process exits (servers read their fixtures at start).
 */
export function fixturesWithTasks(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-fixtures-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  for (const file of ['accounts.yaml', 'repositories.yaml', 'tokens.yaml']) copyFileSync(join(BENCH_FIXTURES, file), join(dir, file));
  const generate = count > 0 ? `generate:\n  - { repository: octocat/hello-world, creator: octocat, count: ${count} }\n` : 'generate: []\n';
  writeFileSync(join(dir, 'tasks.yaml'), `archived_share: 0.1\ndays: 30\n${generate}`);
  return dir;
}
