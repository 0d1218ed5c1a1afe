import { describe, expect, it } from 'vitest';
import { checkFaultRule, FaultRuleError, parseFaultRulesDocument } from './check-fault-rule.js';

const problemsOf = (value: unknown) => {
  const r = checkFaultRule(value);
  return r.ok ? [] : r.problems;
};

describe('checkFaultRule', () => {
  it('accepts each kind of rule', () => {
    expect(checkFaultRule({ latency: { uniform: { min: 10, max: 20 } } }).ok).toBe(true);
    expect(checkFaultRule({ match: { method: ['GET', 'post'], path: '/agents/**' }, when: { after: 2, times: 1 }, error: { status: 503, retry_after: 1 } }).ok).toBe(true);
    expect(checkFaultRule({ match: { path_regex: '^/agents/tasks/[^/]+$' }, when: { probability: 0.5 }, connection: 'drop', latency: { ms: 10 } }).ok).toBe(true);
  });

  it('asks for an action, and only one answer', () => {
    expect(problemsOf({ match: { path: '/x' } })).toEqual([{ field: '/', message: 'a rule needs latency, error or connection' }]);
    expect(problemsOf({ error: { status: 500 }, connection: 'reset' })[0]?.field).toBe('/connection');
  });

  it('names the field of schema problems', () => {
    expect(problemsOf({ error: { status: 200 } })[0]).toMatchObject({ field: '/error/status' });
    expect(problemsOf({ when: { probability: 1.5 }, error: { status: 500 } })[0]).toMatchObject({ field: '/when/probability' });
    expect(problemsOf({ connection: 'hang' })[0]?.message).toContain('drop, reset');
    expect(problemsOf({ latency: { ms: 1 }, surprise: true })[0]?.message).toContain('(surprise)');
    expect(problemsOf({ latency: { ms: 1, uniform: { min: 1, max: 2 } } })[0]).toMatchObject({ field: '/latency' });
  });

  it('checks what the schema cannot: regexes, bounds, path or path_regex', () => {
    expect(problemsOf({ match: { path_regex: '([' }, latency: { ms: 1 } })[0]).toMatchObject({ field: '/match/path_regex' });
    expect(problemsOf({ latency: { uniform: { min: 9, max: 1 } } })[0]).toMatchObject({ field: '/latency/uniform' });
    expect(problemsOf({ match: { path: '/a', path_regex: 'a' }, latency: { ms: 1 } })[0]).toMatchObject({ field: '/match' });
  });
});

describe('parseFaultRulesDocument', () => {
  it('returns the rules of a valid document', () => {
    expect(parseFaultRulesDocument({ faults: [{ id: 'a', latency: { ms: 1 } }] }, 'rules.yaml')).toEqual([{ id: 'a', latency: { ms: 1 } }]);
  });

  it('throws a FaultRuleError naming the source, the place and the problem', () => {
    const attempt = () => parseFaultRulesDocument({ faults: [{ latency: { ms: 1 } }, { error: { status: 99 } }] }, 'rules.yaml');
    expect(attempt).toThrow(FaultRuleError);
    expect(attempt).toThrow(/^rules\.yaml: \/faults\/1\/error\/status must be >= 400$/);
  });

  it('refuses an id used twice', () => {
    expect(() => parseFaultRulesDocument({ faults: [{ id: 'x', latency: { ms: 1 } }, { id: 'x', latency: { ms: 2 } }] }, 'f')).toThrow(
      'f: /faults/1/id id "x" is used by an earlier rule',
    );
  });
});
