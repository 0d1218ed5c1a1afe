// docs/in-process.md lists the in-process options by their real names: the ones the emulator
// checks at run time, no more and no fewer (issue #20: the docs said "the CLI's in camelCase").
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { EMULATOR_OPTION_NAMES } from '../../src/check-emulator-options.js';

it('docs/in-process.md has a row for every option startEmulator, createEmulator and createEmulatorFetch take', () => {
  const text = readFileSync(new URL('../../docs/in-process.md', import.meta.url), 'utf8');
  const table = text.slice(text.indexOf('## Options'), text.indexOf('## One emulator for the run'));
  const documented = [...table.matchAll(/^\| ((?:`\w+`(?:, )?)+) \|/gm)].flatMap(([, cell]) => [...cell!.matchAll(/`(\w+)`/g)].map(([, name]) => name));
  expect(documented.sort()).toEqual([...EMULATOR_OPTION_NAMES, 'port', 'host', 'stopGraceMs', 'emulator'].sort());
});
