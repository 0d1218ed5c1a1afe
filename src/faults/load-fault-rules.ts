import { readFileSync } from 'node:fs';
import { FaultRuleError, parseFaultRulesDocument } from './check-fault-rule.js';
import type { FaultRuleSpec } from './fault-rule.js';
import { parseYaml } from '../support/parse-yaml.js';

export { FaultRuleError } from './check-fault-rule.js';

/**
 * Reads a fault rules file (YAML, of which JSON is a subset) and validates it; any problem throws
 * a FaultRuleError naming the file and the first problem, so a bad file stops start-up.
 */
export function loadFaultRules(path: string): FaultRuleSpec[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FaultRuleError(path, code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? 'error'})`);
  }
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (error) {
    throw new FaultRuleError(path, `not valid YAML or JSON: ${(error as Error).message.split('\n')[0]}`);
  }
  return parseFaultRulesDocument(doc, path);
}
