// JSON Schema of one fault rule and of a rules file. Checks that a schema cannot express well
// (which action a rule takes, regular expressions that compile) live in check-fault-rule.ts.

/** Longest delay a rule may ask for: long enough to trip any client timeout, short enough to end. */
export const MAX_DELAY_MS = 600_000;

const ms = { type: 'number', minimum: 0, maximum: MAX_DELAY_MS };

const delaySchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  maxProperties: 1,
  properties: {
    ms,
    uniform: { type: 'object', additionalProperties: false, required: ['min', 'max'], properties: { min: ms, max: ms } },
    normal: { type: 'object', additionalProperties: false, required: ['mean', 'stddev'], properties: { mean: ms, stddev: ms } },
  },
};

const method = { type: 'string', pattern: '^[A-Za-z]+$' };

export const faultRuleSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' },
    description: { type: 'string', maxLength: 500 },
    match: {
      type: 'object',
      additionalProperties: false,
      properties: {
        method: { anyOf: [method, { type: 'array', minItems: 1, items: method }] },
        path: { type: 'string', pattern: '^/' },
        path_regex: { type: 'string', minLength: 1 },
        tenant: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$' },
        token: { type: 'string', minLength: 1 },
      },
    },
    when: {
      type: 'object',
      additionalProperties: false,
      properties: {
        probability: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
        after: { type: 'integer', minimum: 0 },
        times: { type: 'integer', minimum: 1 },
      },
    },
    latency: delaySchema,
    error: {
      type: 'object',
      additionalProperties: false,
      required: ['status'],
      properties: {
        status: { type: 'integer', minimum: 400, maximum: 599 },
        message: { type: 'string', minLength: 1, maxLength: 1000 },
        retry_after: { type: 'integer', minimum: 0 },
      },
    },
    connection: { enum: ['drop', 'reset'] },
  },
} as const;

export const faultRulesFileSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['faults'],
  properties: { faults: { type: 'array', items: faultRuleSchema } },
} as const;
