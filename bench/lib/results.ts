import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

export const RESULTS_DIR = fileURLToPath(new URL('../results/', import.meta.url));

/** Each section's raw figures go to bench/results/<name>.json; report.ts turns them into RESULTS.md. */
export function saveResult(name: string, data: object): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(`${RESULTS_DIR}${name}.json`, `${JSON.stringify({ ...data, at: new Date().toISOString(), loadAverage: loadavg() }, null, 2)}\n`);
}

export function readResult<T>(name: string): (T & { at: string; loadAverage: number[] }) | undefined {
  const path = `${RESULTS_DIR}${name}.json`;
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

const version = (pkg: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`../../node_modules/${pkg}/package.json`, import.meta.url)), 'utf8')).version as string;

export function machine() {
  const own = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8'));
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    hono: version('hono'),
    honoNodeServer: version('@hono/node-server'),
    autocannon: version('autocannon'),
    fastCheck: version('fast-check'),
    package: `${own.name}@${own.version}`,
  };
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
