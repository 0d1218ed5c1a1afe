// JSON Schema of a scenario file (docs/lifecycle.md). Checks a schema cannot express (one trigger
// per step, legal moves) live in parse-scenario.ts.
import { TASK_STATES } from '../model/task-record.js';

const duration = { oneOf: [{ type: 'string' }, { type: 'number', minimum: 0 }] };
export const scenarioSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'steps'],
  properties: {
    name: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,62}$' },
    description: { type: 'string' },
    steps: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['state'],
        properties: {
          state: { enum: [...TASK_STATES] },
          after: duration,
          after_reads: { type: 'integer', minimum: 1 },
          on: { enum: ['answer'] },
          jitter: { type: 'number', minimum: 0, maximum: 1 },
          error: { type: 'string', minLength: 1 },
          artifacts: { enum: ['auto', 'pull', 'branch', 'none'] },
          usage: {
            type: 'object',
            additionalProperties: false,
            required: ['type', 'amount'],
            properties: { type: { enum: ['ai_credits', 'premium_requests'] }, amount: { type: 'number', minimum: 0 } },
          },
          new_session: { oneOf: [{ type: 'boolean' }, { type: 'object', additionalProperties: false, properties: { prompt: { type: 'string' } } }] },
        },
      },
    },
  },
} as const;
