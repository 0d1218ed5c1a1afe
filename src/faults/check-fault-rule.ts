import type { ErrorObject } from 'ajv';
import type { FaultRuleSpec } from './fault-rule.js';
import { compilePathRegex } from './match-path.js';
import { FileProblem } from '../support/file-problem.js';
import { validateFaultRule, validateFaultRulesFile } from '../generated/validators.js';

/** Fault rules that cannot be used, naming where they came from (a file, an option). */
export class FaultRuleError extends FileProblem {}

/** One thing wrong with a rule; `field` is a JSON pointer into what was checked ("/when/after"). */
export interface RuleProblem {
  field: string;
  message: string;
}

export type RuleCheck = { ok: true; rule: FaultRuleSpec } | { ok: false; problems: RuleProblem[] };

/**
 * A validator of single rules (src/faults/fault-rule-schema.ts, compiled at build time), plus the
 * checks a schema cannot express.
 */
export function createFaultRuleCheck(): (value: unknown) => RuleCheck {
  return (value) => {
    if (!validateFaultRule(value)) return { ok: false, problems: (validateFaultRule.errors ?? []).map(describe) };
    const problems = checkBeyondSchema(value as FaultRuleSpec, '');
    return problems.length ? { ok: false, problems } : { ok: true, rule: value as FaultRuleSpec };
  };
}

/** Validates one rule, as POSTed to /_emulator/faults. */
export function checkFaultRule(value: unknown): RuleCheck {
  return createFaultRuleCheck()(value);
}

/** Validates a rules document (`{faults: [...]}`); problems point into it ("/faults/2/when"). */
export function checkFaultRulesDocument(value: unknown): { ok: true; rules: FaultRuleSpec[] } | { ok: false; problems: RuleProblem[] } {
  if (!validateFaultRulesFile(value)) return { ok: false, problems: (validateFaultRulesFile.errors ?? []).map(describe) };
  const rules = (value as { faults: FaultRuleSpec[] }).faults;
  const problems = rules.flatMap((rule, i) => checkBeyondSchema(rule, `/faults/${i}`));
  const seen = new Set<string>();
  rules.forEach((rule, i) => {
    if (rule.id === undefined) return;
    if (seen.has(rule.id)) problems.push({ field: `/faults/${i}/id`, message: `id "${rule.id}" is used by an earlier rule` });
    seen.add(rule.id);
  });
  return problems.length ? { ok: false, problems } : { ok: true, rules };
}

function checkBeyondSchema(rule: FaultRuleSpec, at: string): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const actions = [rule.latency && 'latency', rule.error && 'error', rule.connection && 'connection'].filter(Boolean);
  if (actions.length === 0) problems.push({ field: at || '/', message: 'a rule needs latency, error or connection' });
  if (rule.error && rule.connection) problems.push({ field: `${at}/connection`, message: 'a rule answers with an error or cuts the connection, not both' });
  if (rule.match?.path !== undefined && rule.match.path_regex !== undefined) {
    problems.push({ field: `${at}/match`, message: 'give path or path_regex, not both' });
  }
  if (rule.match?.path_regex !== undefined) {
    const compiled = compilePathRegex(rule.match.path_regex);
    if (typeof compiled === 'string') problems.push({ field: `${at}/match/path_regex`, message: `is not a regular expression: ${compiled}` });
  }
  if (rule.latency && 'uniform' in rule.latency && rule.latency.uniform.min > rule.latency.uniform.max) {
    problems.push({ field: `${at}/latency/uniform`, message: 'min must not be greater than max' });
  }
  return problems;
}

function describe(error: ErrorObject): RuleProblem {
  const field = error.instancePath || '/';
  const extra =
    error.keyword === 'additionalProperties'
      ? ` (${String(error.params.additionalProperty)})`
      : error.keyword === 'enum'
        ? ` (${(error.params.allowedValues as unknown[]).join(', ')})`
        : '';
  return { field, message: `${error.message ?? 'is invalid'}${extra}` };
}

/** A rules document's rules, or a FaultRuleError naming `source` and the first problem. */
export function parseFaultRulesDocument(doc: unknown, source: string): FaultRuleSpec[] {
  const checked = checkFaultRulesDocument(doc);
  if (checked.ok) return checked.rules;
  const first = checked.problems[0]!;
  const more = checked.problems.length > 1 ? ` (and ${checked.problems.length - 1} more)` : '';
  throw new FaultRuleError(source, `${first.field} ${first.message}${more}`);
}
