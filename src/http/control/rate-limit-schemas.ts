// JSON Schemas of the /_emulator/rate-limits request bodies (docs/faults.md), read by the validator
// generator (scripts/generate-validators.ts) and its tests.

const status = { enum: [403, 429] };
const positive = { type: 'integer', minimum: 1 };

export const rateLimitSettingsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    primary: {
      type: 'object',
      additionalProperties: false,
      properties: { status, window_seconds: positive },
    },
    secondary: {
      type: 'object',
      additionalProperties: false,
      properties: {
        limit: { anyOf: [positive, { type: 'null' }] },
        window_seconds: positive,
        retry_after_seconds: positive,
        status,
      },
    },
  },
};

export const rateLimitTokenSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { limit: { anyOf: [positive, { type: 'null' }] }, remaining: { type: 'integer', minimum: 0 } },
};

export const rateLimitResetSchema = { type: 'object', additionalProperties: false, properties: { token: { type: 'string', minLength: 1 } } };
