import type { OperationId } from './api-types.js';

export const OPERATION_IDS = [
  'agent-tasks/list-tasks-for-repo',
  'agent-tasks/create-task-in-repo',
  'agent-tasks/get-task-by-repo-and-id',
  'agent-tasks/list-tasks',
  'agent-tasks/get-task-by-id',
  // Where clients look for a task's work (issue #16).
  'pulls/list',
  'pulls/get',
  'repos/get-branch',
  'git/get-ref',
  'repos/get',
  'users/get-authenticated',
] as const satisfies readonly OperationId[];

interface SpecOperation {
  operationId?: string;
  externalDocs?: { url?: string };
  requestBody?: { content?: Record<string, { schema?: object }> };
}

export interface SpecOperations {
  docsUrl: Record<OperationId, string>;
  createTaskBodySchema: object;
}

/**
 * What the emulator reads from GitHub's description at start-up. A slice without one of the five
 * operations, or without its documentation URL, fails loudly rather than serving half an API.
 */
export function readSpecOperations(spec: { paths: Record<string, Record<string, SpecOperation>> }): SpecOperations {
  const byId = new Map<string, SpecOperation>();
  for (const item of Object.values(spec.paths)) for (const op of Object.values(item)) if (op?.operationId) byId.set(op.operationId, op);
  const docsUrl = {} as Record<OperationId, string>;
  for (const id of OPERATION_IDS) {
    const url = byId.get(id)?.externalDocs?.url;
    if (!url) throw new Error(`openapi slice lacks operation ${id} or its externalDocs.url; run npm run spec:update`);
    docsUrl[id] = url;
  }
  const createTaskBodySchema = byId.get('agent-tasks/create-task-in-repo')?.requestBody?.content?.['application/json']?.schema;
  if (!createTaskBodySchema) throw new Error('openapi slice lacks the request body schema of agent-tasks/create-task-in-repo');
  return { docsUrl, createTaskBodySchema };
}
