import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { fromOpenApi30, resolveRefs, versionDocuments } from '../contract/harness/spec-validators.js';

// ajv-formats is CommonJS: under NodeNext its default export arrives wrapped.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

export const SPEC_PATH = new URL('../../openapi/agent-tasks.json', import.meta.url);

export interface SpecOperation {
  operationId: string;
  method: string;
  /** Path template, e.g. /agents/repos/{owner}/{repo}/tasks */
  path: string;
  parameters: Array<{ name: string; in: 'path' | 'query'; required?: boolean; schema: Record<string, unknown> }>;
  bodySchema?: Record<string, unknown>;
  /** Statuses the description declares, as strings ('200', '404'). */
  statuses: string[];
}

export interface SpecValidators {
  operations: SpecOperation[];
  /** The operation a method and path (tenant prefix removed, no query) reach, if any. */
  operationFor(method: string, path: string): SpecOperation | undefined;
  /** Checks a body against the official schema of an operation's answer; undefined = valid. */
  check(operationId: string, status: number, body: unknown, options?: { closed?: boolean; version?: string }): string | undefined;
}

type Schema = Record<string, unknown>;

/**
 * Validators for every answer the description declares, compiled once from
 * openapi/agent-tasks.json. `closed` also refuses members the schema does not name (every object
 * gets additionalProperties: false), which catches a misspelt or undocumented field in a success.
 */
export function loadSpecValidators(): SpecValidators {
  const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as { paths: Record<string, Record<string, Schema>> };
  // Answers of the repository operations point into components and use OpenAPI 3.0's nullable.
  const asJsonSchema = (schema: Schema, doc: object = spec) => fromOpenApi30(resolveRefs(doc as Schema, schema)) as Schema;
  // Later API versions' answers lack fields the slice (2022-11-28) requires: checked without them.
  const versionDocs = versionDocuments(spec as unknown as Schema);
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  // The description uses OpenAPI's integer formats; JSON numbers in range are what matters here.
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && Math.abs(n) < 2 ** 31 });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });

  const operations: SpecOperation[] = [];
  const validators = new Map<string, { open: ValidateFunction; closed: ValidateFunction }>();
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, raw] of Object.entries(item)) {
      const op = raw as { operationId: string; parameters?: SpecOperation['parameters']; requestBody?: any; responses: Record<string, any> };
      operations.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        bodySchema: op.requestBody?.content?.['application/json']?.schema,
        statuses: Object.keys(op.responses),
      });
      for (const [status, response] of Object.entries(op.responses)) {
        // A response may itself be a $ref (#/components/responses/not_found).
        const bodyIn = (doc: object) => (resolveRefs(doc as Schema, response) as any)?.content?.['application/json']?.schema as Schema | undefined;
        const raw = bodyIn(spec);
        const schema = raw && asJsonSchema(raw);
        if (schema) validators.set(`${op.operationId} ${status}`, { open: ajv.compile(schema), closed: ajv.compile(closeSchema(schema) as object) });
        for (const [version, doc] of versionDocs) {
          const inDoc = bodyIn(doc);
          const versioned = inDoc && asJsonSchema(inDoc, doc);
          if (!versioned || JSON.stringify(versioned) === JSON.stringify(schema)) continue;
          validators.set(`${op.operationId} ${status} ${version}`, { open: ajv.compile(versioned), closed: ajv.compile(closeSchema(versioned) as object) });
        }
      }
    }
  }
  const matchers = operations.map((op) => ({
    op,
    // A branch name or git ref at the end of a path holds slashes (heads/copilot/fix-x).
    pattern: new RegExp(`^${op.path.replace(/\{(?:ref|branch)\}$/, '.+').replace(/\{[^}]+\}/g, '[^/]+')}$`),
  }));
  return {
    operations,
    operationFor: (method, path) => matchers.find((m) => m.op.method === method.toUpperCase() && m.pattern.test(path))?.op,
    check(operationId, status, body, options = {}) {
      const v = validators.get(`${operationId} ${status} ${options.version ?? ''}`) ?? validators.get(`${operationId} ${status}`);
      if (!v) return `the description declares no JSON answer ${status} for ${operationId}`;
      const validate = options.closed ? v.closed : v.open;
      return validate(body) ? undefined : (validate.errors ?? []).map((e) => `body${e.instancePath} ${e.message}${e.keyword === 'additionalProperties' ? ` (${String(e.params.additionalProperty)})` : ''}`).join('; ');
    },
  };
}

function closeSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closeSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const merged = mergeAllOf(schema as Schema);
  const out: Schema = {};
  for (const [k, v] of Object.entries(merged)) out[k] = k === 'properties' ? Object.fromEntries(Object.entries(v as Schema).map(([p, s]) => [p, closeSchema(s)])) : closeSchema(v);
  if (out.type === 'object' && out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

/** allOf of plain object schemas as one object schema, so closing it does not refuse a branch's members. */
function mergeAllOf(schema: Schema): Schema {
  const branches = schema.allOf as Schema[] | undefined;
  if (!branches || !branches.every((b) => b.type === 'object' && !b.allOf)) return schema;
  const { allOf: _, ...rest } = schema;
  return {
    ...rest,
    type: 'object',
    required: branches.flatMap((b) => (b.required as string[]) ?? []),
    properties: Object.assign({}, ...branches.map((b) => b.properties ?? {})),
  };
}
