import { describe, expect, it } from 'vitest';
import { loadAgentTasksSpec } from '../../load-spec.js';
import { createTaskBodyParser } from './create-task-body.js';
import { readSpecOperations } from '../shared/spec-operations.js';

const specSchema = readSpecOperations(loadAgentTasksSpec()).createTaskBodySchema;

describe('createTaskBodyParser', () => {
  it('checks bodies against the description’s schema (compiled at build time)', () => {
    const parse = createTaskBodyParser(specSchema);
    expect(parse('{"create_pull_request":"yes","model":3}')).toEqual({
      ok: false,
      status: 422,
      message: 'Validation Failed',
      problems: [
        { field: 'prompt', code: 'missing_field' },
        { field: 'model', code: 'invalid', message: 'model must be string' },
        { field: 'create_pull_request', code: 'invalid', message: 'create_pull_request must be boolean' },
      ],
    });
    expect(parse('{"prompt":"Fix it","unknown":1}')).toMatchObject({ ok: true, input: { prompt: 'Fix it', createPullRequest: false } });
  });

  it('checks bodies against any other schema it is given, compiled on first use', () => {
    const shorter = { ...specSchema, properties: { prompt: { type: 'string', maxLength: 3 } } };
    const parse = createTaskBodyParser(shorter);
    expect(parse('{"prompt":"Fix it"}')).toMatchObject({
      ok: false,
      status: 422,
      problems: [{ field: 'prompt', code: 'invalid', message: 'prompt must NOT have more than 3 characters' }],
    });
    expect(parse('{"prompt":"Fix"}')).toMatchObject({ ok: true });
  });
});
