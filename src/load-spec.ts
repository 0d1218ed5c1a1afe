import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const AGENT_TASKS_SPEC_PATH = fileURLToPath(new URL('../openapi/agent-tasks.json', import.meta.url));

/** GitHub's description of the agent-tasks operations, as extracted by `npm run spec:update`. */
export function loadAgentTasksSpec(path = AGENT_TASKS_SPEC_PATH): { paths: Record<string, Record<string, object>> } {
  return JSON.parse(readFileSync(path, 'utf8'));
}

export const CONTROL_DESCRIPTION_PATH = fileURLToPath(new URL('../openapi/emulator.yaml', import.meta.url));

/** The control API's own OpenAPI description, served at /_emulator/openapi.yaml. */
export function loadControlDescription(path = CONTROL_DESCRIPTION_PATH): string {
  return readFileSync(path, 'utf8');
}
