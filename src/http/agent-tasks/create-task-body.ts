import type { NewTask } from '../../domain/agent-tasks.js';
import type { ValidationProblem } from '../../domain/errors.js';
import { MODELS } from '../../model/task-record.js';
import type { CreateTaskRequest } from '../shared/api-types.js';
import { parseJsonObject } from '../shared/json-body.js';
import { MESSAGES } from '../shared/messages.js';
import { lazyValidator } from '../../support/lazy-validator.js';
import { validateCreateTaskBody, validateCreateTaskBodySchema } from '../../generated/validators.js';

export type BodyResult =
  | { ok: true; input: NewTask }
  | { ok: false; status: 400 | 422; message: string; problems?: ValidationProblem[] };

/**
 * Builds the validator of "Start a task" bodies from the schema in GitHub's description, plus the
 * rules the description states in prose (documented models, a non-empty prompt).
 * Unknown members are ignored, as GitHub ignores them.
 */
export function createTaskBodyParser(schema: object): (text: string) => BodyResult {
  // The description's schema was compiled at build time (scripts/generate-validators.ts); any
  // other schema is compiled on first use, with the same options.
  const validate =
    JSON.stringify(schema) === validateCreateTaskBodySchema ? validateCreateTaskBody : lazyValidator(schema, { allErrors: true, strict: false });
  return (text) => {
    const parsed = parseJsonObject(text);
    if (!parsed.ok) return { ok: false, status: 400, message: parsed.message };
    const body = parsed.value;
    const problems: ValidationProblem[] = [];
    if (!validate(body)) {
      for (const e of validate.errors ?? []) {
        if (e.keyword === 'required') problems.push({ field: String(e.params.missingProperty), code: 'missing_field' });
        else {
          const field = e.instancePath.replace(/^\//, '').split('/')[0] || 'body';
          problems.push({ field, code: 'invalid', message: `${field} ${e.message ?? 'is invalid'}` });
        }
      }
    }
    const b = body as Partial<Record<keyof CreateTaskRequest, unknown>>;
    if (typeof b.prompt === 'string' && b.prompt.trim() === '') problems.push({ field: 'prompt', code: 'missing_field' });
    if (typeof b.model === 'string' && !(MODELS as readonly string[]).includes(b.model)) {
      problems.push({ field: 'model', code: 'invalid', message: `model must be one of: ${MODELS.join(', ')}` });
    }
    for (const field of ['custom_agent', 'base_ref', 'head_ref'] as const) {
      if (typeof b[field] === 'string' && (b[field] as string).trim() === '') {
        problems.push({ field, code: 'invalid', message: `${field} must not be empty` });
      }
    }
    if (problems.length > 0) return { ok: false, status: 422, message: MESSAGES.validationFailed, problems };
    const ok = body as CreateTaskRequest;
    return {
      ok: true,
      input: {
        prompt: ok.prompt,
        model: ok.model,
        customAgent: ok.custom_agent,
        createPullRequest: ok.create_pull_request ?? false,
        baseRef: ok.base_ref,
        headRef: ok.head_ref,
        // Filled in by the route from its header; the slot keeps the object in one shape.
        headerScenario: undefined,
      },
    };
  };
}
