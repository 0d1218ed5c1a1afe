// The files of the contract suite, read for the meta-tests.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scanContractSource, type ScanResult } from './scan-contract-sources.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CONTRACT_DIR = join(REPO_ROOT, 'test', 'contract');

/** Scans every .ts file under test/contract; test files outside harness/, harness files are the rest. */
export function scanContractSuite(dir = CONTRACT_DIR): ScanResult {
  const result: ScanResult = { declarations: [], violations: [] };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const path = join(entry.parentPath, entry.name);
    const name = relative(REPO_ROOT, path);
    const inHarness = relative(dir, path).startsWith(`harness/`);
    const isTest = entry.name.endsWith('.test.ts');
    if (inHarness && isTest) result.violations.push(`${name}: test files do not belong in harness/`);
    if (!inHarness && !isTest) result.violations.push(`${name}: helpers belong in harness/; everything else here is a *.test.ts file`);
    const scanned = scanContractSource(name, readFileSync(path, 'utf8'), isTest);
    result.declarations.push(...scanned.declarations);
    result.violations.push(...scanned.violations);
  }
  return result;
}
