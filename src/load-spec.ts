import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const AGENT_TASKS_SPEC_PATH = fileURLToPath(new URL('../openapi/agent-tasks.json', import.meta.url));

/** GitHub's description of the agent-tasks operations, as extracted by `npm run spec:update`. */
export function loadAgentTasksSpec(path = AGENT_TASKS_SPEC_PATH): { paths: Record<string, Record<string, object>> } {
  return JSON.parse(readFileSync(path, 'utf8'));
}
