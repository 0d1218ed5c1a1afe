// The parity report: one row per contract test, saying whether the behaviour it probes held on
// the target, and why not. Pure: parity-reporter.ts feeds it vitest's results.

/** What a contract test records in vitest's task meta (mirrors test/contract/harness/contract-test.ts). */
export interface ContractMetaLike {
  behaviour: string;
  runsOn: string;
  target: string;
  targetUrl: string;
  repo?: string;
  writes?: boolean;
  notApplicable?: string;
  knownGap?: string;
  notes?: string[];
  startedTasks?: StartedTaskLike[];
}

export interface StartedTaskLike {
  id: string;
  url?: string;
  html_url?: string;
  test: string;
}

/** One finished test, as vitest reports it. */
export interface CaseOutcome {
  name: string;
  /** Module path relative to the suite root, e.g. test/contract/list-links.test.ts */
  file: string;
  contract?: ContractMetaLike;
  state: 'passed' | 'failed' | 'skipped' | 'pending';
  note?: string;
  errors: string[];
}

export type RowResult = 'pass' | 'fail' | 'known gap' | 'not applicable' | 'skipped';

export interface ParityRow {
  behaviour: string;
  test: string;
  file: string;
  runsOn: string;
  result: RowResult;
  reason: string;
  notes: string[];
}

export interface ParityReport {
  target: { kind: string; url: string; repo?: string } | undefined;
  result: 'passed' | 'failed';
  counts: Record<RowResult, number>;
  rows: ParityRow[];
  startedTasks: StartedTaskLike[];
  /** Errors outside any test: files that failed to load, unhandled rejections. */
  errors: string[];
}

const RESULTS: RowResult[] = ['pass', 'fail', 'known gap', 'not applicable', 'skipped'];

export function buildParityReport(cases: readonly CaseOutcome[], errors: readonly string[]): ParityReport {
  const rows = cases.map(toRow);
  const counts = Object.fromEntries(RESULTS.map((r) => [r, rows.filter((row) => row.result === r).length])) as Record<RowResult, number>;
  const meta = cases.find((c) => c.contract)?.contract;
  return {
    target: meta ? { kind: meta.target, url: meta.targetUrl, repo: meta.repo } : undefined,
    result: counts.fail > 0 || errors.length > 0 || rows.length === 0 ? 'failed' : 'passed',
    counts,
    rows,
    startedTasks: cases.flatMap((c) => c.contract?.startedTasks ?? []),
    errors: [...errors],
  };
}

function toRow(c: CaseOutcome): ParityRow {
  const meta = c.contract;
  const base = { behaviour: meta?.behaviour ?? '(undeclared)', test: c.name, file: c.file, runsOn: meta?.runsOn ?? '?', notes: meta?.notes ?? [] };
  const firstLine = (text: string) => text.split('\n')[0]!.trim();
  if (!meta) return { ...base, result: 'fail', reason: 'not declared through contractTest' };
  if (meta.notApplicable) return { ...base, result: 'not applicable', reason: meta.notApplicable };
  if (c.state === 'skipped' || c.state === 'pending') return { ...base, result: 'skipped', reason: c.note ?? 'skipped' };
  if (c.state === 'failed') {
    // The harness notes what actually happened when a known gap's test failed otherwise (or passed).
    const observed = base.notes.find((n) => n.startsWith('known gap expected')) ?? c.errors[0];
    const reason = meta.knownGap
      ? `known gap "${meta.knownGap}" did not fail as expected${observed ? `: ${firstLine(observed)}` : ''}`
      : firstLine(c.errors[0] ?? 'failed');
    return { ...base, result: 'fail', reason };
  }
  if (meta.knownGap) return { ...base, result: 'known gap', reason: meta.knownGap };
  return { ...base, result: 'pass', reason: base.notes.join('; ') };
}

export function formatMarkdown(report: ParityReport): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const target = report.target ? `${report.target.kind} at ${report.target.url}${report.target.repo ? `, repository ${report.target.repo}` : ''}` : 'unknown (no contract test ran)';
  const counts = RESULTS.map((r) => `${report.counts[r]} ${r}`).join(', ');
  const lines = [
    '# Contract parity report',
    '',
    `- Target: ${target}`,
    `- Result: **${report.result}** (${counts})`,
    '',
    '| behaviour | test | runs on | result | reason |',
    '|---|---|---|---|---|',
    ...report.rows.map((r) => `| \`${r.behaviour}\` | ${cell(r.test)} (${cell(r.file.split('/').pop() ?? r.file)}) | ${r.runsOn} | ${r.result} | ${cell(r.reason)} |`),
    '',
    '## Tasks started',
    '',
    ...(report.startedTasks.length === 0 ? ['None.'] : report.startedTasks.map((t) => `- \`${t.id}\` ${t.html_url ?? t.url ?? ''} (${cell(t.test)})`)),
  ];
  if (report.errors.length > 0) lines.push('', '## Errors outside tests', '', ...report.errors.map((e) => `- ${cell(e)}`));
  return `${lines.join('\n')}\n`;
}
