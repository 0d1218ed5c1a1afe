import { TASK_STATES } from '../model/task-record.js';
import { validateTenantSnapshot } from '../generated/validators.js';

const time = { type: 'number' } as const;
const state = { enum: [...TASK_STATES] } as const;

const session = {
  type: 'object',
  required: ['id', 'name', 'userId', 'state', 'createdAt', 'updatedAt', 'prompt'],
  properties: {
    id: { type: 'string', minLength: 1 },
    name: { type: 'string' },
    userId: { type: 'integer' },
    state,
    createdAt: time,
    updatedAt: time,
    completedAt: time,
    prompt: { type: 'string' },
    headRef: { type: 'string' },
    baseRef: { type: 'string' },
    model: { type: 'string' },
    usage: { type: 'object', required: ['type', 'amount'], properties: { type: { enum: ['ai_credits', 'premium_requests'] }, amount: { type: 'number' } } },
    errorMessage: { type: 'string' },
  },
} as const;

const historyEntry = {
  type: 'object',
  required: ['at', 'from', 'to', 'sessions', 'cause'],
  properties: {
    at: time,
    from: { anyOf: [state, { type: 'null' }] },
    to: state,
    sessions: { type: 'integer', minimum: 0 },
    cause: {
      type: 'object',
      required: ['kind'],
      properties: {
        kind: { enum: ['created', 'scenario_step', 'poll', 'answer', 'follow_up', 'control'] },
        scenario: { type: 'string' },
        step: { type: 'integer', minimum: 0 },
        chosenBy: { type: 'string' },
        lever: { type: 'string' },
      },
    },
    produced: { type: 'object', required: ['provider', 'type', 'data'], properties: { type: { enum: ['pull', 'branch'] }, data: { type: 'object' } } },
  },
} as const;

/** The shape of a saved task record (src/model/task-record.ts), for state files and snapshot imports. */
export const taskRecordSchema = {
  type: 'object',
  required: ['id', 'name', 'creatorId', 'creatorType', 'collaboratorIds', 'ownerId', 'ownerLogin', 'repositoryId', 'repositoryName', 'state', 'sessions', 'artifacts', 'archivedAt', 'createdAt', 'updatedAt', 'createPullRequest'],
  properties: {
    id: { type: 'string', minLength: 1 },
    name: { type: 'string' },
    creatorId: { type: 'integer' },
    creatorType: { enum: ['user', 'organization'] },
    collaboratorIds: { type: 'array', items: { type: 'integer' } },
    ownerId: { type: 'integer' },
    ownerLogin: { type: 'string' },
    repositoryId: { type: 'integer' },
    repositoryName: { type: 'string' },
    state,
    sessions: { type: 'array', minItems: 1, items: session },
    artifacts: {
      type: 'array',
      items: { type: 'object', required: ['provider', 'type', 'data'], properties: { provider: { const: 'github' }, type: { enum: ['pull', 'branch'] }, data: { type: 'object' } } },
    },
    archivedAt: { type: ['number', 'null'] },
    createdAt: time,
    updatedAt: time,
    customAgent: { type: 'string' },
    createPullRequest: { type: 'boolean' },
    existingBranch: { type: 'object', required: ['headRef', 'baseRef'], properties: { headRef: { type: 'string' }, baseRef: { type: 'string' } } },
    progress: {
      type: 'object',
      required: ['scenario', 'step', 'since', 'reads'],
      properties: { scenario: { type: 'string' }, step: { type: 'integer', minimum: 0 }, since: time, reads: { type: 'integer', minimum: 0 }, dueAt: time },
    },
    // Optional: state files written before tasks had a history still load (engine/task-history.ts).
    history: { type: 'array', items: historyEntry },
    historyDropped: { type: 'integer', minimum: 0 },
  },
} as const;

const sha = { type: 'string', pattern: '^[0-9a-f]{40}$' } as const;
const nullableTime = { type: ['number', 'null'] } as const;

/** A saved pull request (src/domain/work/work-records.ts). */
const pullRecordSchema = {
  type: 'object',
  required: [
    'id', 'nodeId', 'number', 'repositoryId', 'title', 'body', 'headRef', 'headSha', 'baseRef', 'baseSha', 'state', 'draft', 'merged',
    'createdAt', 'updatedAt', 'closedAt', 'mergedAt', 'mergeCommitSha', 'mergedById', 'taskId', 'reviewerIds',
  ],
  properties: {
    id: { type: 'integer', minimum: 1 },
    nodeId: { type: 'string' },
    number: { type: 'integer', minimum: 1 },
    repositoryId: { type: 'integer' },
    title: { type: 'string' },
    body: { type: 'string' },
    headRef: { type: 'string', minLength: 1 },
    headSha: sha,
    baseRef: { type: 'string', minLength: 1 },
    baseSha: sha,
    state: { enum: ['open', 'closed'] },
    draft: { type: 'boolean' },
    merged: { type: 'boolean' },
    createdAt: time,
    updatedAt: time,
    closedAt: nullableTime,
    mergedAt: nullableTime,
    mergeCommitSha: { anyOf: [sha, { type: 'null' }] },
    mergedById: { type: ['integer', 'null'] },
    taskId: { type: 'string' },
    reviewerIds: { type: 'array', items: { type: 'integer' } },
  },
} as const;

/** A saved branch. */
const branchRecordSchema = {
  type: 'object',
  required: ['repositoryId', 'name', 'sha', 'updatedAt'],
  properties: { repositoryId: { type: 'integer' }, name: { type: 'string', minLength: 1 }, sha, updatedAt: time },
} as const;

export const tenantSnapshotSchema = {
  type: 'object',
  required: ['name', 'seed', 'clockNow', 'defaultScenario', 'outcomes', 'tasks'],
  properties: {
    name: { type: 'string' },
    seed: { type: 'integer' },
    clockNow: time,
    defaultScenario: { type: 'string' },
    outcomes: { type: 'array', items: { type: 'string' } },
    tasks: { type: 'array', items: taskRecordSchema },
    work: {
      type: 'object',
      required: ['pulls', 'branches'],
      properties: { pulls: { type: 'array', items: pullRecordSchema }, branches: { type: 'array', items: branchRecordSchema } },
    },
  },
} as const;

/**
 * Checks a tenant snapshot against tenantSnapshotSchema (compiled at build time by
 * scripts/generate-validators.ts); returns the first problem in words, or undefined.
 */
export function createTenantSnapshotCheck(): (value: unknown) => string | undefined {
  const validate = validateTenantSnapshot;
  return (value) => {
    if (validate(value)) return undefined;
    const e = validate.errors![0]!;
    return `${e.instancePath || '(top level)'} ${e.message ?? 'is invalid'}`;
  };
}
