import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatMarkdown, type ParityReport } from './parity-report.js';

/** Writes report.md and report.json into `dir` (created if needed); junit.xml is vitest's. */
export async function writeParityReport(dir: string, report: ParityReport): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(join(dir, 'report.md'), formatMarkdown(report));
}
