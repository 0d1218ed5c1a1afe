// Validators for every operation and status in the official description (openapi/agent-tasks.json)
// and, when present, the emulator's own description (openapi/emulator.yaml), built once per
// worker. Constructs the kit does not understand fail loudly at load instead of passing silently.
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

// ajv-formats is CommonJS: its default export arrives wrapped under NodeNext resolution.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const OPENAPI_DIR = new URL('../../../openapi/', import.meta.url);
export const AGENT_TASKS_SPEC = fileURLToPath(new URL('agent-tasks.json', OPENAPI_DIR));
export const EMULATOR_SPEC = fileURLToPath(new URL('emulator.yaml', OPENAPI_DIR));

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
/** OpenAPI 3.0 annotations that are not JSON Schema keywords; anything else unknown is an error. */
const OPENAPI_ANNOTATIONS = ['example', 'externalDocs', 'xml'];

export interface SpecOperation {
  id: string;
  method: string;
  /** Path template as written in the description, e.g. /agents/tasks/{task_id}. */
  template: string;
  source: 'github' | 'emulator';
  docsUrl?: string;
  /** Validators by status code ("200", "404", ...) of JSON answers. */
  responses: ReadonlyMap<string, ValidateFunction>;
  /**
   * For API versions that removed fields from these answers (the slice's info
   * x-api-version-removals, from GitHub's changelog): validators by version, then status.
   */
  versioned: ReadonlyMap<string, ReadonlyMap<string, ValidateFunction>>;
  /** Statuses whose answer is declared with other media types (e.g. application/yaml). */
  otherMedia: ReadonlyMap<string, readonly string[]>;
  /** The operation's error schema, for statuses the description does not declare. */
  errorBody?: ValidateFunction;
  matches(method: string, path: string): boolean;
}

export interface SpecValidators {
  operations: readonly SpecOperation[];
  /** GitHub's error body, for answers no operation describes (unknown paths, trailing slashes). */
  errorBody: ValidateFunction;
  find(method: string, path: string): SpecOperation | undefined;
  /** Compiles a schema a test supplies itself (see the api client's schemaOverride). */
  compile(schema: object): ValidateFunction;
}

type JsonObject = Record<string, unknown>;

export function loadSpecValidators(agentTasksPath = AGENT_TASKS_SPEC, emulatorPath = EMULATOR_SPEC): SpecValidators {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, discriminator: true });
  addFormats(ajv);
  const github = JSON.parse(readFileSync(agentTasksPath, 'utf8')) as JsonObject;
  const documents: Array<[JsonObject, SpecOperation['source']]> = [[github, 'github']];
  if (existsSync(emulatorPath)) documents.push([parseYaml(readFileSync(emulatorPath, 'utf8')) as JsonObject, 'emulator']);
  for (const [doc] of documents) {
    for (const keyword of new Set([...OPENAPI_ANNOTATIONS, ...extensionKeywords(doc)])) {
      if (!ajv.getKeyword(keyword)) ajv.addKeyword({ keyword });
    }
  }
  const cache = new Map<string, ValidateFunction>();
  const compile = (schema: object) => {
    const key = JSON.stringify(schema);
    let validate = cache.get(key);
    if (!validate) cache.set(key, (validate = ajv.compile(schema)));
    return validate;
  };

  const versionDocs = versionDocuments(github);
  const operations: SpecOperation[] = [];
  let genericError: ValidateFunction | undefined;
  for (const [doc, source] of documents) {
    const paths = (doc.paths ?? {}) as Record<string, JsonObject>;
    for (const [template, item] of Object.entries(paths)) {
      for (const method of METHODS) {
        const op = item[method] as JsonObject | undefined;
        if (!op) continue;
        const responses = new Map<string, ValidateFunction>();
        const versioned = new Map<string, Map<string, ValidateFunction>>();
        const otherMedia = new Map<string, string[]>();
        let errorBody: ValidateFunction | undefined;
        for (const [status, response] of Object.entries((op.responses ?? {}) as Record<string, JsonObject>)) {
          const body = bodyOf(resolveRefs(doc, response), `${method.toUpperCase()} ${template} ${status}`);
          if (!body) continue;
          if ('mediaTypes' in body) {
            otherMedia.set(status, body.mediaTypes);
            continue;
          }
          const validate = compile(fromOpenApi30(body.schema));
          responses.set(status, validate);
          if (source === 'github') {
            for (const [version, versionDoc] of versionDocs) {
              const schema = fromOpenApi30((bodyOf(resolveRefs(versionDoc, response), template) as { schema: object }).schema);
              if (JSON.stringify(schema) === JSON.stringify(fromOpenApi30(body.schema))) continue;
              if (!versioned.has(version)) versioned.set(version, new Map());
              versioned.get(version)!.set(status, compile(schema));
            }
          }
          if (/^4\d\d$/.test(status)) errorBody ??= validate;
        }
        if (source === 'github') genericError ??= errorBody;
        operations.push({
          id: String(op.operationId ?? `${method} ${template}`),
          method: method.toUpperCase(),
          template,
          source,
          docsUrl: (op.externalDocs as { url?: string } | undefined)?.url,
          responses,
          versioned,
          otherMedia,
          errorBody,
          matches: matcher(method.toUpperCase(), template),
        });
      }
    }
  }
  if (!genericError) throw new Error(`${agentTasksPath} declares no error response schema`);
  const errorBody = genericError;
  return {
    operations,
    errorBody,
    find: (method, path) => operations.find((op) => op.matches(method.toUpperCase() === 'HEAD' ? 'GET' : method, path)),
    compile,
  };
}

/**
 * What a response declares as its body: a JSON schema, or (for YAML, text, ...) only its media
 * types, which the checks compare with content-type. A JSON body without a schema is refused.
 */
function bodyOf(response: JsonObject, where: string): { schema: object } | { mediaTypes: string[] } | undefined {
  const content = response.content as Record<string, { schema?: object }> | undefined;
  if (!content) return undefined;
  const types = Object.keys(content);
  const json = types.find((t) => /^application\/(?:[\w.+-]+\+)?json$/.test(t));
  if (!json) return { mediaTypes: types };
  const schema = content[json]!.schema;
  if (!schema) throw new Error(`${where}: a JSON answer without a schema cannot be checked`);
  return { schema };
}

/** Inlines local $refs (#/components/...). Recursive schemas are not needed here and are refused. */
export function resolveRefs(doc: JsonObject, node: unknown, seen: readonly string[] = []): JsonObject {
  if (Array.isArray(node)) return node.map((n) => resolveRefs(doc, n, seen)) as unknown as JsonObject;
  if (!node || typeof node !== 'object') return node as JsonObject;
  const ref = (node as JsonObject).$ref;
  if (typeof ref === 'string') {
    if (!ref.startsWith('#/')) throw new Error(`unsupported $ref ${ref}: only local references are handled`);
    if (seen.includes(ref)) throw new Error(`recursive $ref ${ref} is not supported`);
    const target = ref
      .slice(2)
      .split('/')
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((at, key) => (at as JsonObject | undefined)?.[key], doc);
    if (target === undefined) throw new Error(`dangling $ref ${ref}`);
    return resolveRefs(doc, target, [...seen, ref]);
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, resolveRefs(doc, v, seen)]));
}

/**
 * The description as each later API version has it: the fields that version removed (the slice's
 * info x-api-version-removals, recorded from GitHub's changelog) taken out of the schemas.
 */
export function versionDocuments(doc: JsonObject): Map<string, JsonObject> {
  const removals = ((doc.info as JsonObject | undefined)?.['x-api-version-removals'] ?? {}) as Record<string, { schemas: Record<string, string[]> }>;
  const out = new Map<string, JsonObject>();
  for (const [version, { schemas }] of Object.entries(removals)) {
    const copy = structuredClone(doc);
    const all = (copy.components as { schemas: Record<string, JsonObject> }).schemas;
    for (const [name, fields] of Object.entries(schemas)) {
      const schema = all[name];
      if (!schema) throw new Error(`x-api-version-removals names schema ${name}, which the description lacks`);
      for (const f of fields) delete (schema.properties as JsonObject)[f];
      if (Array.isArray(schema.required)) schema.required = schema.required.filter((r) => !fields.includes(r as string));
    }
    out.set(version, copy);
  }
  return out;
}

/**
 * OpenAPI 3.0's dialect as JSON Schema: `nullable` beside a type is ajv's own keyword, but beside
 * allOf/anyOf/oneOf alone (GitHub's nullable-* schemas once inlined) ajv refuses it, so that
 * becomes "null or the schema". A discriminator with a mapping (GET /user) is refused by ajv; its
 * oneOf still decides, so the hint is dropped.
 */
export function fromOpenApi30(node: unknown): object {
  if (Array.isArray(node)) return node.map(fromOpenApi30);
  if (!node || typeof node !== 'object') return node as object;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'discriminator' && (v as JsonObject | undefined)?.mapping) continue;
    out[k] = k === 'properties' ? Object.fromEntries(Object.entries(v as JsonObject).map(([p, s]) => [p, fromOpenApi30(s)])) : fromOpenApi30(v);
  }
  if (out.nullable === true && out.type === undefined) {
    const { nullable: _, ...rest } = out;
    return { anyOf: [{ type: 'null' }, rest] };
  }
  return out;
}

function extensionKeywords(node: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const n of node) extensionKeywords(n, into);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-')) into.add(key);
      extensionKeywords(value, into);
    }
  }
  return into;
}

function matcher(method: string, template: string): (method: string, path: string) => boolean {
  // A branch name or git ref at the end of a path holds slashes (heads/copilot/fix-x).
  const tail = /\{(?:ref|branch)\}$/.test(template) ? '.+' : '';
  const body = tail ? template.replace(/\{(?:ref|branch)\}$/, '') : template;
  const pattern = new RegExp(`^${body.split(/\{[^}]+\}/).map(escapeRegExp).join('[^/]+')}${tail}$`);
  return (m, path) => m.toUpperCase() === method && pattern.test(path);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
