// JSON Schemas of the control API's request bodies (openapi/emulator.yaml). Their validators are
// generated at build time (scripts/generate-validators.ts), so these objects are read by the
// generator and its tests, not at run time.
import { TASK_STATES } from '../../model/task-record.js';

export const clockAdvanceBodySchema = {
  type: 'object',
  additionalProperties: false,
  properties: { by: { type: 'string', minLength: 1 }, ms: { type: 'integer', minimum: 0 } },
  oneOf: [{ required: ['by'] }, { required: ['ms'] }],
} as const;

export const clockSetBodySchema = { type: 'object', additionalProperties: false, required: ['now'], properties: { now: { type: 'string' } } } as const;

export const defaultScenarioBodySchema = { type: 'object', additionalProperties: false, required: ['name'], properties: { name: { type: 'string' } } } as const;

export const outcomesBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['scenarios'],
  properties: { scenarios: { type: 'array', minItems: 1, maxItems: 1000, items: { type: 'string' } } },
} as const;

export const taskStateBodySchema = { type: 'object', additionalProperties: false, required: ['state'], properties: { state: { enum: [...TASK_STATES] } } } as const;

export const taskPromptBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['prompt'],
  properties: { prompt: { type: 'string', minLength: 1 } },
} as const;

export const loadTasksBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['tasks'],
  properties: {
    tasks: {
      type: 'array',
      minItems: 1,
      maxItems: 1000,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['repository', 'creator', 'prompt'],
        properties: {
          repository: { type: 'string' },
          creator: { type: 'string' },
          prompt: { type: 'string', minLength: 1 },
          state: { enum: [...TASK_STATES] },
          scenario: { type: 'string' },
          model: { type: 'string' },
          create_pull_request: { type: 'boolean' },
          base_ref: { type: 'string' },
          head_ref: { type: 'string' },
          archived: { type: 'boolean' },
          created_at: { type: 'string' },
        },
      },
    },
  },
} as const;

export const tenantSeedBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['seed'],
  properties: { seed: { type: 'integer', minimum: 0, maximum: 4294967295 } },
} as const;

export const tenantResetBodySchema = { type: 'object', additionalProperties: false, properties: {} } as const;
