import { describe, expect, it } from 'vitest';
import { scanContractSuite } from './contract-sources.js';
import { scanContractSource } from './scan-contract-sources.js';

describe('the contract suite declares every test through contractTest', () => {
  it('holds for every file under test/contract', () => {
    const { declarations, violations } = scanContractSuite();
    expect(violations).toEqual([]);
    expect(declarations.length).toBeGreaterThan(40);
  });
});

// The scanner's own cases: each rule must catch what it is for, or the test above proves nothing.
describe('scanContractSource', () => {
  const scan = (text: string) => scanContractSource('x.test.ts', text, true).violations;

  it('accepts a declared test and reads its declaration', () => {
    const text = `import { contractTest } from './harness/contract-test.js';
contractTest('lists', { runsOn: 'both', behaviour: 'list.sort' }, async () => {});`;
    const result = scanContractSource('x.test.ts', text, true);
    expect(result.violations).toEqual([]);
    expect(result.declarations).toEqual([{ file: 'x.test.ts', name: 'lists', runsOn: 'both', behaviour: 'list.sort', knownGapOn: [], line: 2 }]);
  });

  it.each([
    ['bare it', `it('x', () => {});`, /bare it\(\)/],
    ['bare test', `test('x', () => {});`, /bare test\(\)/],
    ['test.skip', `test.skip('x', () => {});`, /bare test\.skip\(\)/],
    ['it.each', `it.each([1])('x %s', () => {});`, /bare it\.each\(\[1\]\)\(\)/],
    ['importing test', `import { test as t } from 'vitest';\ncontractTest('a', { runsOn: 'both', behaviour: 'b' }, async () => {});`, /imports test from vitest/],
    ['describe.skip', `describe.skip('s', () => { contractTest('a', { runsOn: 'both', behaviour: 'b' }, async () => {}); });`, /hides or focuses/],
    ['describe.only', `describe.only('s', () => { contractTest('a', { runsOn: 'both', behaviour: 'b' }, async () => {}); });`, /hides or focuses/],
    ['no declaration object', `contractTest('a', decl, async () => {});`, /literal declaration object/],
    ['missing runsOn', `contractTest('a', { behaviour: 'b' }, async () => {});`, /runsOn must be/],
    ['unknown runsOn', `contractTest('a', { runsOn: 'staging', behaviour: 'b' }, async () => {});`, /runsOn must be/],
    ['computed behaviour', `contractTest('a', { runsOn: 'both', behaviour: id }, async () => {});`, /behaviour must be a literal/],
    ['import from src', `import { x } from '../../src/http/shared/messages.js';\ncontractTest('a', { runsOn: 'both', behaviour: 'b' }, async () => {});`, /imports from src/],
    ['no test at all', `const x = 1;`, /declares no contractTest/],
  ])('rejects %s', (_label, text, message) => {
    expect(scan(text).join('\n')).toMatch(message);
  });

  it('lets harness files use vitest’s test, but not import src/', () => {
    expect(scanContractSource('h.ts', `import { test } from 'vitest';\ntest('x', () => {});`, false).violations).toEqual([]);
    expect(scanContractSource('h.ts', `import { a } from '../../src/app.js';`, false).violations).toHaveLength(1);
  });
});
