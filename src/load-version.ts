import { readFileSync } from 'node:fs';

/** The package's version from its package.json, for `--version`. */
export function loadVersion(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}
