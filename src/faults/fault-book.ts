import type { Random } from '../support/random.js';
import { drawDelay } from './draw-delay.js';
import { kindOf, type FaultKind, type FaultRule, type FaultRuleSpec } from './fault-rule.js';
import { compilePathRegex, globToRegExp } from './match-path.js';

/** What a rule sees of a request. `path` is relative to the tenant (no /t/{tenant} prefix). */
export interface FaultRequest {
  method: string;
  path: string;
  tenant: string;
  token?: string;
}

export interface FiredFault {
  rule: FaultRule;
  kind: FaultKind;
  /** Milliseconds to wait before the fault (or, for latency, before answering normally). */
  delayMs: number;
}

/** A rule as the control API lists it: the rule, its kind, and how often it matched and fired. */
export type FaultRuleView = FaultRule & { kind: FaultKind; matched: number; fired: number };

/**
 * One tenant's fault rules. Rules are consulted in the order they were added; each matching
 * rule counts the request, and the first one whose `when` allows it fires. Rules after the one
 * that fired do not see that request, so one request suffers at most one fault.
 */
export interface FaultBook {
  list(): FaultRuleView[];
  get(id: string): FaultRuleView | undefined;
  /** Adds a validated rule; undefined when its id is taken. */
  add(rule: FaultRuleSpec): FaultRuleView | undefined;
  remove(id: string): boolean;
  clear(): void;
  decide(request: FaultRequest): FiredFault | undefined;
  /** True when there are no rules, so requests need not be described to `decide` at all. */
  isEmpty(): boolean;
}

interface Entry {
  rule: FaultRule;
  matches: (request: FaultRequest) => boolean;
  matched: number;
  fired: number;
}

export function createFaultBook(random: Random, initial: readonly FaultRuleSpec[] = []): FaultBook {
  const entries: Entry[] = [];
  let serial = 0;
  const view = (e: Entry): FaultRuleView => ({ ...structuredClone(e.rule), kind: kindOf(e.rule), matched: e.matched, fired: e.fired });
  const nextId = () => {
    let id: string;
    do id = `fault-${++serial}`;
    while (entries.some((e) => e.rule.id === id));
    return id;
  };
  const book: FaultBook = {
    list: () => entries.map(view),
    get(id) {
      const e = entries.find((x) => x.rule.id === id);
      return e && view(e);
    },
    add(spec) {
      if (spec.id !== undefined && entries.some((e) => e.rule.id === spec.id)) return undefined;
      const rule: FaultRule = { ...structuredClone(spec), id: spec.id ?? nextId() };
      const entry: Entry = { rule, matches: compileMatch(rule), matched: 0, fired: 0 };
      entries.push(entry);
      return view(entry);
    },
    remove(id) {
      const i = entries.findIndex((e) => e.rule.id === id);
      if (i < 0) return false;
      entries.splice(i, 1);
      return true;
    },
    clear: () => void entries.splice(0),
    isEmpty: () => entries.length === 0,
    decide(request) {
      for (const e of entries) {
        if (!e.matches(request)) continue;
        e.matched++;
        const when = e.rule.when ?? {};
        if (e.matched <= (when.after ?? 0)) continue;
        if (when.times !== undefined && e.fired >= when.times) continue;
        if (when.probability !== undefined && random.next() >= when.probability) continue;
        e.fired++;
        return { rule: e.rule, kind: kindOf(e.rule), delayMs: e.rule.latency ? drawDelay(e.rule.latency, random) : 0 };
      }
      return undefined;
    },
  };
  for (const spec of initial) book.add(spec);
  return book;
}

function compileMatch(rule: FaultRule): (request: FaultRequest) => boolean {
  const m = rule.match ?? {};
  const methods = m.method === undefined ? undefined : (Array.isArray(m.method) ? m.method : [m.method]).map((x) => x.toUpperCase());
  const regex = m.path_regex !== undefined ? compilePathRegex(m.path_regex) : m.path !== undefined ? globToRegExp(m.path) : undefined;
  // Rules are validated before they get here; a regex that does not compile is a bug upstream.
  if (typeof regex === 'string') throw new Error(`fault rule ${rule.id}: ${regex}`);
  return (r) =>
    (methods === undefined || methods.includes(r.method.toUpperCase())) &&
    (regex === undefined || regex.test(r.path)) &&
    (m.tenant === undefined || m.tenant === r.tenant) &&
    (m.token === undefined || m.token === r.token);
}
