import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FaultRuleError, loadFaultRules } from './load-fault-rules.js';
import { tempDir } from '../../test/support/temp-dir.js';

const write = (name: string, text: string) => {
  const path = join(tempDir('faults-'), name);
  writeFileSync(path, text);
  return path;
};

describe('loadFaultRules', () => {
  it('reads YAML', () => {
    const path = write('faults.yaml', 'faults:\n  - id: slow\n    match: { path: "/agents/**" }\n    latency: { uniform: { min: 50, max: 150 } }\n');
    expect(loadFaultRules(path)).toEqual([{ id: 'slow', match: { path: '/agents/**' }, latency: { uniform: { min: 50, max: 150 } } }]);
  });

  it('reads JSON', () => {
    const path = write('faults.json', JSON.stringify({ faults: [{ error: { status: 502 }, when: { times: 1 } }] }));
    expect(loadFaultRules(path)).toEqual([{ error: { status: 502 }, when: { times: 1 } }]);
  });

  it('stops with the file and the problem', () => {
    const bad = write('bad.yaml', 'faults:\n  - error: { status: 700 }\n');
    expect(() => loadFaultRules(bad)).toThrow(FaultRuleError);
    expect(() => loadFaultRules(bad)).toThrow(`${bad}: /faults/0/error/status must be <= 599`);
    expect(() => loadFaultRules(write('x.yaml', 'faults: [ {'))).toThrow(/not valid YAML or JSON/);
    expect(() => loadFaultRules(write('y.yaml', 'rules: []'))).toThrow(/must have required property 'faults'/);
    expect(() => loadFaultRules('/nonexistent/faults.yaml')).toThrow('/nonexistent/faults.yaml: file not found');
  });
});
