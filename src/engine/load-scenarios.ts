import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseScenario, ScenarioError } from './parse-scenario.js';
import type { Scenario } from './scenario.js';
import { parseYaml } from '../support/parse-yaml.js';

export const BUILT_IN_SCENARIOS_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

export type ScenarioCatalogue = ReadonlyMap<string, Scenario>;

/** Every *.yaml / *.yml file of a folder, validated; a bad file throws a ScenarioError naming it. */
export function loadScenarioDir(dir: string): Scenario[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch (error) {
    throw new ScenarioError(dir, `cannot read the folder: ${(error as Error).message}`);
  }
  const seen = new Map<string, string>();
  return names.map((name) => {
    const path = join(dir, name);
    let raw: unknown;
    try {
      raw = parseYaml(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new ScenarioError(path, `not valid YAML: ${(error as Error).message.split('\n')[0]}`);
    }
    const scenario = parseScenario(raw, path);
    const twin = seen.get(scenario.name);
    if (twin) throw new ScenarioError(path, `scenario ${scenario.name} is already defined in ${twin}`);
    seen.set(scenario.name, path);
    return scenario;
  });
}

/** The built-in scenarios, then the user's folders: a user scenario replaces a built-in of the same name. */
export function loadScenarios(extraDirs: readonly string[] = []): ScenarioCatalogue {
  const catalogue = new Map<string, Scenario>();
  for (const dir of [BUILT_IN_SCENARIOS_DIR, ...extraDirs]) for (const s of loadScenarioDir(dir)) catalogue.set(s.name, s);
  return catalogue;
}
