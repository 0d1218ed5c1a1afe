// A vitest reporter that turns a contract run into the parity report (report.md, report.json).
// Only vitest's types are imported, so the module loads without vitest installed.
import type { Reporter, SerializedError, TestModule, TestRunEndReason } from 'vitest/node';
import { buildParityReport, type CaseOutcome, type ContractMetaLike, type ParityReport } from './parity-report.js';
import { writeParityReport } from './write-parity-report.js';

export class ParityReporter implements Reporter {
  /** The report of the last run, for callers that decide an exit code from it. */
  report: ParityReport | undefined;

  constructor(
    private readonly outDir: string,
    private readonly root: string,
    /** Report only this vitest project's tests (a config with several projects names `contract`). */
    private readonly project?: string,
  ) {}

  async onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandled: ReadonlyArray<SerializedError>, reason: TestRunEndReason): Promise<void> {
    const cases: CaseOutcome[] = [];
    const errors = unhandled.map((e) => `${e.name ?? 'Error'}: ${e.message}`);
    if (reason === 'interrupted') errors.push('the run was interrupted');
    for (const module of modules) {
      if (this.project !== undefined && module.project.name !== this.project) continue;
      const file = relativeTo(this.root, module.moduleId);
      for (const e of module.errors()) errors.push(`${file}: ${e.message}`);
      for (const test of module.children.allTests()) {
        const result = test.result();
        cases.push({
          name: test.fullName,
          file,
          contract: (test.meta() as { contract?: ContractMetaLike }).contract,
          state: result.state,
          note: result.state === 'skipped' ? result.note : undefined,
          errors: (result.errors ?? []).map((e) => e.message),
        });
      }
    }
    this.report = buildParityReport(cases, errors);
    await writeParityReport(this.outDir, this.report);
  }
}

function relativeTo(root: string, path: string): string {
  const prefix = root.endsWith('/') ? root : `${root}/`;
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}
