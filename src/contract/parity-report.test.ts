import { describe, expect, it } from 'vitest';
import { buildParityReport, formatMarkdown, type CaseOutcome, type ContractMetaLike } from './parity-report.js';

const meta = (extra: Partial<ContractMetaLike> = {}): ContractMetaLike => ({
  behaviour: 'list.sort',
  runsOn: 'both',
  target: 'github',
  targetUrl: 'https://api.github.com',
  repo: 'me/sandbox',
  notes: [],
  startedTasks: [],
  ...extra,
});
const outcome = (extra: Partial<CaseOutcome>): CaseOutcome => ({ name: 'lists > sorts', file: 'test/contract/list-filters.test.ts', contract: meta(), state: 'passed', errors: [], ...extra });

describe('buildParityReport', () => {
  it('gives each test a row: pass, fail, known gap, not applicable or skipped, with the reason', () => {
    const report = buildParityReport(
      [
        outcome({ contract: meta({ notes: ['create does not declare status 413'] }) }),
        outcome({ state: 'failed', errors: ['expected 30 to be 100\n  at stack'] }),
        outcome({ contract: meta({ knownGap: 'docs URL differs' }) }),
        outcome({ state: 'skipped', contract: meta({ notApplicable: 'GitHub only' }), note: 'not applicable: GitHub only' }),
        outcome({ state: 'skipped', note: 'task budget spent' }),
        outcome({ state: 'failed', contract: meta({ knownGap: 'docs URL differs' }), errors: ['AssertionError: expected test to fail'] }),
        outcome({
          state: 'failed',
          contract: meta({ knownGap: 'docs URL differs', notes: ['known gap expected a failure matching /x/, got: fetch failed'] }),
          errors: ['AssertionError: expected test to fail'],
        }),
      ],
      [],
    );
    expect(report.rows.map((r) => [r.result, r.reason])).toEqual([
      ['pass', 'create does not declare status 413'],
      ['fail', 'expected 30 to be 100'],
      ['known gap', 'docs URL differs'],
      ['not applicable', 'GitHub only'],
      ['skipped', 'task budget spent'],
      ['fail', 'known gap "docs URL differs" did not fail as expected: AssertionError: expected test to fail'],
      ['fail', 'known gap "docs URL differs" did not fail as expected: known gap expected a failure matching /x/, got: fetch failed'],
    ]);
    expect(report.counts).toEqual({ pass: 1, fail: 3, 'known gap': 1, 'not applicable': 1, skipped: 1 });
    expect(report.result).toBe('failed');
    expect(report.target).toEqual({ kind: 'github', url: 'https://api.github.com', repo: 'me/sandbox' });
  });

  it('fails a run with errors outside tests, with an undeclared test, or with no tests at all', () => {
    expect(buildParityReport([outcome({})], ['test/contract/x.test.ts: SyntaxError']).result).toBe('failed');
    expect(buildParityReport([outcome({ contract: undefined })], []).rows[0]).toMatchObject({ result: 'fail', reason: 'not declared through contractTest' });
    expect(buildParityReport([], []).result).toBe('failed');
    expect(buildParityReport([outcome({})], []).result).toBe('passed');
  });

  it('collects every task the run started', () => {
    const task = { id: 't1', html_url: 'https://github.com/me/sandbox/copilot/tasks/t1', test: 'starts' };
    expect(buildParityReport([outcome({ contract: meta({ startedTasks: [task] }) }), outcome({})], []).startedTasks).toEqual([task]);
  });
});

describe('formatMarkdown', () => {
  it('writes the target, the counts, a table row per test (pipes escaped) and the tasks started', () => {
    const task = { id: 't1', html_url: 'https://github.com/me/sandbox/copilot/tasks/t1', test: 'starts' };
    const md = formatMarkdown(
      buildParityReport([outcome({ state: 'failed', errors: ['a | b'], contract: meta({ startedTasks: [task] }) })], []),
    );
    expect(md).toContain('- Target: github at https://api.github.com, repository me/sandbox');
    expect(md).toContain('- Result: **failed** (0 pass, 1 fail, 0 known gap, 0 not applicable, 0 skipped)');
    expect(md).toContain('| `list.sort` | lists > sorts (list-filters.test.ts) | both | fail | a \\| b |');
    expect(md).toContain('- `t1` https://github.com/me/sandbox/copilot/tasks/t1 (starts)');
  });
});
