// Fault rules as users write them: in a rules file loaded at start-up or as the JSON body of
// POST /_emulator/faults. The same snake_case shape is what GET /_emulator/faults shows back,
// so a listed rule can be saved to a file and loaded again unchanged. See docs/faults.md.

/** What a fired rule does to the request. */
export type FaultKind = 'latency' | 'error' | 'drop' | 'reset';

/** A delay in milliseconds: fixed, or drawn from the tenant's seeded random source. */
export type DelaySpec =
  | { ms: number }
  | { uniform: { min: number; max: number } }
  | { normal: { mean: number; stddev: number } };

export interface FaultMatchSpec {
  /** One method or several; any method when absent. */
  method?: string | string[];
  /** A glob over the tenant-relative path: `*` stays within a segment, `**` crosses segments. */
  path?: string;
  /** A JavaScript regular expression over the tenant-relative path (not anchored for you). */
  path_regex?: string;
  tenant?: string;
  /** The token value from the Authorization header. */
  token?: string;
}

export interface FaultWhenSpec {
  /** Fire on each eligible request with this probability (seeded, so runs repeat). */
  probability?: number;
  /** Let this many matching requests through before the rule may fire. */
  after?: number;
  /** Fire at most this many times; unlimited when absent. */
  times?: number;
}

export interface FaultRuleSpec {
  id?: string;
  description?: string;
  match?: FaultMatchSpec;
  when?: FaultWhenSpec;
  /** Wait before answering (alone: a slow but otherwise normal answer). */
  latency?: DelaySpec;
  /** Answer with this status and a GitHub-shaped body instead of running the operation. */
  error?: { status: number; message?: string; retry_after?: number };
  /** Close the connection without an answer: `drop` closes it, `reset` resets it (RST). */
  connection?: 'drop' | 'reset';
}

/** A validated rule with its id. */
export interface FaultRule extends FaultRuleSpec {
  id: string;
}

export function kindOf(rule: FaultRuleSpec): FaultKind {
  if (rule.error) return 'error';
  if (rule.connection) return rule.connection;
  return 'latency';
}
