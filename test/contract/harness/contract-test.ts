// `contractTest`: the only way to declare a test under test/contract (contract-kit's meta-test
// fails the build on a bare `it`/`test`). It registers the test only where it fits the target;
// elsewhere it registers a placeholder that vitest reports as skipped with the reason, which the
// parity report lists as "not applicable", so nothing passes by not running.
import { inject, test } from 'vitest';
import { createApiClient, type ApiClient } from './api-client.js';
import { applicability, checkDeclaration, type ContractDeclaration, type RunsOn } from './applicability.js';
import { loadSpecValidators } from './spec-validators.js';
import { createTaskBudget, type StartedTask } from './task-budget.js';
import { readTarget, type ContractTarget, type TargetKind } from './target.js';

/** What global-setup.ts hands to every worker. */
export interface ContractRun {
  /** Shared by the run's workers: the task budget's slots live here. */
  runDir: string;
  /** URL of the emulator global-setup.ts started, when CONTRACT_BASE_URL was not given. */
  launchedBaseUrl?: string;
}

export interface ContractMeta {
  behaviour: string;
  runsOn: RunsOn;
  target: TargetKind;
  targetUrl: string;
  repo: string;
  writes: boolean;
  notApplicable?: string;
  knownGap?: string;
  /** Facts from the response checks, e.g. undeclared statuses or test-supplied schemas. */
  notes: string[];
  startedTasks: StartedTask[];
}

declare module 'vitest' {
  interface ProvidedContext {
    contractRun: ContractRun;
  }
  interface TaskMeta {
    contract?: ContractMeta;
  }
}

export interface ContractContext {
  api: ApiClient;
  target: ContractTarget;
  /** For a precondition the target's data does not meet; reported with the note, never silent. */
  skip(note: string): never;
  note(text: string): void;
}

function openRun() {
  const run = inject('contractRun');
  if (!run) throw new Error('the contract suite runs through its vitest project (global-setup.ts provides contractRun)');
  const target = readTarget(process.env, run.launchedBaseUrl);
  return { run, target, validators: loadSpecValidators(), budget: createTaskBudget(run.runDir, target.writes.maxTasks) };
}

// Read when a test file imports the harness (collection time, where inject works); never changed.
const session = openRun();

export function contractTest(name: string, decl: ContractDeclaration, fn: (ctx: ContractContext) => Promise<void>): void {
  checkDeclaration(decl);
  const { target, validators, budget } = session;
  const base: ContractMeta = {
    behaviour: decl.behaviour,
    runsOn: decl.runsOn,
    target: target.kind,
    targetUrl: target.baseUrl,
    repo: `${target.repo.owner}/${target.repo.repo}`,
    writes: decl.writes === true,
    notes: [],
    startedTasks: [],
  };
  const verdict = applicability(decl, target);
  if (!verdict.applicable) {
    test(name, { meta: { contract: { ...base, notApplicable: verdict.reason } } }, async (ctx) => {
      // Annotations become JUnit properties, so CI shows the reason next to the skip.
      await ctx.annotate(decl.behaviour, 'behaviour');
      await ctx.annotate(verdict.reason, 'not-applicable');
      ctx.skip(`not applicable: ${verdict.reason}`);
    });
    return;
  }
  const gap = decl.knownGap?.[target.knownGaps];
  const register = gap ? test.fails : test;
  register(name, { meta: { contract: { ...base, knownGap: gap?.reason } }, timeout: decl.timeout }, async (ctx) => {
    const meta = ctx.task.meta.contract!;
    await ctx.annotate(decl.behaviour, 'behaviour');
    if (gap) await ctx.annotate(gap.reason, 'known-gap');
    const skip = (note: string): never => {
      ctx.skip(note);
      throw new Error('unreachable: ctx.skip returned');
    };
    const note = (text: string) => {
      if (!meta.notes.includes(text)) meta.notes.push(text);
    };
    const api = createApiClient({
      target,
      validators,
      budget,
      test: {
        name,
        writes: decl.writes === true,
        skip,
        note,
        taskStarted(task) {
          meta.startedTasks.push(task);
          console.log(`contract: started task ${task.id} on ${target.baseUrl}${task.html_url ? ` (${task.html_url})` : ''}`);
        },
      },
    });
    if (!gap) return fn({ api, target, skip, note });
    try {
      await fn({ api, target, skip, note });
    } catch (error) {
      // A skip (budget, data precondition) is not a failure of any kind: let vitest see it.
      if ((error as { code?: unknown })?.code === 'VITEST_PENDING') throw error;
      if (gap.failsWith.test(String((error as Error)?.message ?? error))) throw error;
      // Returning makes vitest fail this `fails` test: the gap is not the failure we see.
      meta.notes.push(`known gap expected a failure matching ${gap.failsWith}, got: ${String((error as Error)?.message ?? error)}`);
      console.error(`contract: "${name}" failed for another reason than its known gap:`, error);
    }
  });
}
