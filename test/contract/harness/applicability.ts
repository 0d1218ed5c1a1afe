// Whether a contract test fits the current target. Pure, so the kit's own tests can cover it.
import type { ContractTarget, TargetKind } from './target.js';

export type RunsOn = 'both' | TargetKind;
export const RUNS_ON: readonly RunsOn[] = ['both', 'emulator', 'github'];

/** Optional things a test may need beyond the target's token and repository. */
export type Need = 'installationToken' | 'noPermissionToken' | 'readOnlyToken' | 'hiddenRepo' | 'otherRepo' | 'realGitHub';

export const NEED_VARIABLES: Record<Exclude<Need, 'realGitHub'>, string> = {
  installationToken: 'CONTRACT_INSTALLATION_TOKEN',
  noPermissionToken: 'CONTRACT_NO_PERMISSION_TOKEN',
  readOnlyToken: 'CONTRACT_READ_ONLY_TOKEN',
  hiddenRepo: 'CONTRACT_HIDDEN_REPO',
  otherRepo: 'CONTRACT_OTHER_REPO',
};

export interface ContractDeclaration {
  /** Where the test may run: both targets, the emulator only (control API), or GitHub only. */
  runsOn: RunsOn;
  /** The behaviour's id in docs/fidelity.md. */
  behaviour: string;
  /** The test sends requests that can start tasks: opt-in and budget on GitHub. */
  writes?: boolean;
  needs?: readonly Need[];
  /**
   * A known divergence on one target: the test runs there and is expected to fail (vitest
   * `fails`) with an error matching `failsWith`. Any other failure, or a pass, fails the test,
   * so a fix shows up as a failure that asks for this entry's removal.
   */
  knownGap?: Partial<Record<TargetKind, KnownGap>>;
  timeout?: number;
}

export interface KnownGap {
  reason: string;
  failsWith: RegExp;
}

export type Verdict = { applicable: true } | { applicable: false; reason: string };

const BEHAVIOUR_ID = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

/** Throws on a declaration the type system would catch, for callers that cast around it. */
export function checkDeclaration(decl: ContractDeclaration): void {
  if (!RUNS_ON.includes(decl.runsOn)) throw new Error(`runsOn must be one of ${RUNS_ON.join(', ')}, got ${String(decl.runsOn)}`);
  if (typeof decl.behaviour !== 'string' || !BEHAVIOUR_ID.test(decl.behaviour)) {
    throw new Error(`behaviour must be an id from docs/fidelity.md (lower-case, dots and dashes), got ${String(decl.behaviour)}`);
  }
  for (const [kind, gap] of Object.entries(decl.knownGap ?? {})) {
    if (kind !== 'emulator' && kind !== 'github') throw new Error(`knownGap keys are emulator or github, got ${kind}`);
    if (!gap?.reason || !(gap.failsWith instanceof RegExp)) throw new Error(`knownGap.${kind} needs a reason and a failsWith pattern`);
  }
}

export function applicability(decl: ContractDeclaration, target: ContractTarget): Verdict {
  if (decl.runsOn === 'emulator' && target.kind !== 'emulator') {
    return { applicable: false, reason: "emulator only: uses the emulator's control API under /_emulator" };
  }
  if (decl.runsOn === 'github' && target.kind !== 'github') return { applicable: false, reason: 'GitHub only' };
  for (const need of decl.needs ?? []) {
    if (need === 'realGitHub') {
      if (!target.realGitHub) return { applicable: false, reason: `needs api.github.com itself; the target is ${target.baseUrl}` };
    } else if (target[need] === undefined) {
      return { applicable: false, reason: `needs ${NEED_VARIABLES[need]}, which is not set` };
    }
  }
  if (decl.writes) {
    if (!target.writes.allowed) return { applicable: false, reason: target.writes.reason ?? 'writes not allowed' };
    if (target.writes.maxTasks === 0) return { applicable: false, reason: 'CONTRACT_MAX_TASKS=0' };
  }
  return { applicable: true };
}
