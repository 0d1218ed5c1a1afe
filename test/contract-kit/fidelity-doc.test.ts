// docs/fidelity.md and the contract suite must tell the same story: every behaviour a test probes
// is documented with its source, every documented behaviour names the tests that probe it and
// where they run, every assumption can be refuted on GitHub, and every known gap is listed.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, scanContractSuite } from './contract-sources.js';

const SOURCES = ['description', 'docs', 'measured', 'article', 'assumption', 'emulator', 'kit'];
/** Sources nothing authoritative backs: a test on both targets must be able to refute them. */
const REFUTABLE = ['assumption', 'article'];

interface Row {
  id: string;
  source: string;
  runsOn: string;
  tests: string;
}

function readFidelity(): { rows: Row[]; gaps: string[] } {
  const text = readFileSync(join(REPO_ROOT, 'docs', 'fidelity.md'), 'utf8');
  const [behaviours = '', gapsSection = ''] = text.split(/^## Known gaps$/m);
  const cells = (line: string) => line.split('|').slice(1, -1).map((c) => c.trim());
  const rows = behaviours
    .split('\n')
    .filter((line) => /^\| `[^`]+` \|/.test(line))
    .map(cells)
    .map(([id = '', , source = '', runsOn = '', tests = '']) => ({ id: id.replace(/`/g, ''), source, runsOn, tests }));
  const gaps = gapsSection
    .split('\n')
    .filter((line) => /^\| `[^`]+` \|/.test(line))
    .map((line) => cells(line)[0]!.replace(/`/g, ''));
  return { rows, gaps };
}

describe('docs/fidelity.md', () => {
  const { rows, gaps } = readFidelity();
  const { declarations } = scanContractSuite();
  const byBehaviour = new Map<string, typeof declarations>();
  for (const d of declarations) byBehaviour.set(d.behaviour, [...(byBehaviour.get(d.behaviour) ?? []), d]);

  it('documents each behaviour once, with a known source', () => {
    const ids = rows.map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i), 'documented twice').toEqual([]);
    expect(rows.filter((r) => !SOURCES.includes(r.source)).map((r) => `${r.id}: ${r.source}`)).toEqual([]);
    expect(rows.length).toBeGreaterThan(40);
  });

  it('documents every behaviour a contract test declares', () => {
    const documented = new Set(rows.map((r) => r.id));
    expect([...byBehaviour.keys()].filter((id) => !documented.has(id))).toEqual([]);
  });

  it('names, for each behaviour, exactly the test files that probe it and where they run', () => {
    const mismatches = rows.flatMap((row) => {
      const tests = byBehaviour.get(row.id) ?? [];
      const files = [...new Set(tests.map((d) => `\`${basename(d.file)}\``))].sort().join(', ');
      const runsOn = [...new Set(tests.map((d) => d.runsOn))].sort().join(', ');
      return files === row.tests && runsOn === row.runsOn ? [] : [`${row.id}: doc says ${row.runsOn} in ${row.tests}; tests say ${runsOn || 'nothing'} in ${files || 'no file'}`];
    });
    expect(mismatches).toEqual([]);
  });

  it('gives every assumption a test that runs on both targets', () => {
    const unrefutable = rows.filter((r) => REFUTABLE.includes(r.source) && !(byBehaviour.get(r.id) ?? []).some((d) => d.runsOn === 'both'));
    expect(unrefutable.map((r) => r.id)).toEqual([]);
  });

  it('lists exactly the behaviours whose tests declare a known gap', () => {
    const declared = [...new Set(declarations.filter((d) => d.knownGapOn.length > 0).map((d) => d.behaviour))].sort();
    expect([...gaps].sort()).toEqual(declared);
  });
});
