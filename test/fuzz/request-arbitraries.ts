import fc from 'fast-check';
import { MODELS, TASK_STATES } from '../../src/model/task-record.js';
import type { SpecOperation } from '../support/spec-validators.js';

/** One request, as the fuzzer sends it. */
export interface FuzzRequest {
  method: string;
  /** Path and query, starting with '/'. */
  target: string;
  headers: Record<string, string>;
  body?: string;
  /** The operation the request was drawn from (a mutated method or path may reach another). */
  aimedAt: string;
}

export interface FuzzWorld {
  /** Known "owner/repo" names, some the caller may not see. */
  repositories: string[];
  taskIds: string[];
  tokens: string[];
  /** Tenant names to aim at besides the root (they must exist beforehand to compare state). */
  tenants: string[];
}

const weighted = <T>(...pairs: Array<[number, fc.Arbitrary<T>]>) => fc.oneof(...pairs.map(([weight, arbitrary]) => ({ weight, arbitrary })));

/** Characters a header value may carry on the wire: tab, printable ASCII and obs-text (0x80-0xFF). */
const headerText = (maxLength: number) =>
  fc.string({ unit: fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0x80, max: 0xff }), fc.constant(0x09)).map((n) => String.fromCharCode(n)), maxLength });

/** Anything a client might put in a URL segment: unicode, escapes, dots, reserved characters. */
const oddSegment = weighted(
  [3, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).map(encodeURIComponent)],
  [2, fc.constantFrom('%', '%zz', '%00', '%2F', '%2e%2e', '..', '.', ';', '~', '%E2%82', 'a%20b', '🦀', 'null', '__proto__', 'constructor')],
  [1, fc.string({ unit: 'binary', maxLength: 300 }).map(encodeURIComponent)],
);

const isoDate = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());

/** A query value that fits the parameter's schema in the description. */
function validValue(name: string, schema: Record<string, any>): fc.Arbitrary<string[]> {
  if (name === 'state') return fc.uniqueArray(fc.constantFrom(...TASK_STATES), { minLength: 1, maxLength: 3 }).map((s) => [s.join(',')]);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as string[])).map((v) => [v]);
  switch (schema.type) {
    case 'integer':
      return fc.integer({ min: schema.minimum ?? 0, max: schema.maximum ?? 1000 }).map((n) => [String(n)]);
    case 'boolean':
      return fc.boolean().map((b) => [String(b)]);
    case 'array':
      return fc.array(fc.constantFrom(583231, 2154, 480938, 1, 999999999), { minLength: 1, maxLength: 3 }).map((ids) => ids.map(String));
    default:
      return schema.format === 'date-time' ? isoDate.map((d) => [d]) : fc.string({ maxLength: 20 }).map((s) => [s]);
  }
}

/** A value a careless or hostile client might send instead. */
const invalidValue: fc.Arbitrary<string[]> = weighted(
  [3, fc.string({ unit: 'grapheme', maxLength: 30 }).map((s) => [s])],
  [2, fc.constantFrom('', '-1', '0', '1.5', '1e9', '999999999999999999999', 'NaN', 'true ', 'TRUE', 'Completed', 'completed,,nope', '2026-13-45T99:99:99Z', '[]', '{}').map((s) => [s])],
  [1, fc.array(fc.string({ maxLength: 8 }), { minLength: 2, maxLength: 4 })],
  [1, fc.integer({ min: 10_000, max: 100_000 }).map((n) => ['9'.repeat(n)])],
);

function queryFor(op: SpecOperation): fc.Arbitrary<string> {
  const params = op.parameters.filter((p) => p.in === 'query');
  const pairs = params.map((p) =>
    weighted<Array<[string, string]>>(
      [8, fc.constant([])],
      [6, validValue(p.name, p.schema).map((vs) => vs.map((v) => [p.name, v] as [string, string]))],
      [1, invalidValue.map((vs) => vs.map((v) => [p.name, v] as [string, string]))],
    ),
  );
  const unknown = fc.array(fc.tuple(fc.constantFrom('foo', '__proto__', 'constructor', 'page[]', 'creator_id[]', 'q'), fc.string({ maxLength: 10 })), { maxLength: 2 });
  return fc.tuple(fc.tuple(...pairs), unknown, fc.boolean()).map(([groups, extra, raw]) => {
    const all = [...groups.flat(), ...extra];
    if (all.length === 0) return '';
    // Mostly encoded as a client library would; sometimes raw, as a hand-written URL would be.
    const enc = raw ? (s: string) => s.replace(/[#&\s]/g, encodeURIComponent) : encodeURIComponent;
    return `?${all.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&')}`;
  });
}

function pathFor(op: SpecOperation, world: FuzzWorld): fc.Arbitrary<string> {
  const repo = weighted(
    [12, fc.constantFrom(...world.repositories).map((r) => r.split('/') as [string, string])],
    [1, fc.constantFrom(...world.repositories).map((r) => r.toUpperCase().split('/') as [string, string])],
    [2, fc.tuple(oddSegment, oddSegment)],
  );
  const taskId = weighted([10, fc.constantFrom(...world.taskIds)], [1, fc.uuid()], [2, oddSegment]);
  return fc.tuple(repo, taskId).map(([[owner, name], id]) => op.path.replace('{owner}', owner).replace('{repo}', name).replace('{task_id}', id));
}

const authorization = (tokens: string[]) =>
  weighted<string | undefined>(
    [24, fc.constantFrom(...tokens).map((t) => `Bearer ${t}`)],
    [2, fc.constantFrom(...tokens).map((t) => `token ${t}`)],
    [1, fc.constantFrom(...tokens).map((t) => `bEaReR   ${t}  `)],
    [1, fc.constant(undefined)],
    [1, fc.constantFrom('', 'Bearer', 'Bearer ', 'token', 'Basic b2N0b2NhdDpwdw==', 'Bearer a b', 'ghp_octocatEmulatorClassicToken000000000')],
    [2, headerText(80).map((s) => `Bearer ${s}`)],
    [1, headerText(200)],
    [1, fc.integer({ min: 4_000, max: 12_000 }).map((n) => `Bearer ghp_${'A'.repeat(n)}`)],
  );

const apiVersion = weighted<string | undefined>(
  [12, fc.constantFrom('2026-03-10', '2022-11-28')],
  [5, fc.constant(undefined)],
  [1, fc.constantFrom('', 'v3', '2022-11-28, 2026-03-10', ' 2022-11-28', '2099-01-01', '2022-11-28\t')],
  [1, headerText(60)],
);

const otherHeaders = fc.record(
  {
    'if-none-match': weighted([1, fc.constantFrom('*', 'W/"x"', '"abc", W/"def"')], [1, headerText(40)]),
    'x-emulator-scenario': fc.constantFrom('fails', 'poll-driven', 'no-such-scenario', ''),
    'content-type': fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1'),
    accept: fc.constantFrom('application/vnd.github+json', '*/*', 'text/html'),
  },
  { requiredKeys: [] },
);

const HUGE_PROMPT = JSON.stringify({ prompt: 'x'.repeat(1_100_000) });
const BIG_VALID_PROMPT = JSON.stringify({ prompt: `Big ${'y'.repeat(200_000)}` });
const nest = (depth: number, open: string, close: string) => open.repeat(depth) + close.repeat(depth);

/** A create body: valid by the description's schema, or wrong in one of many ways. */
function bodyFor(schema: Record<string, any>): fc.Arbitrary<string> {
  const props = (schema.properties ?? {}) as Record<string, { type?: string }>;
  const prompt = weighted(
    [6, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }).filter((s) => s.trim() !== '')],
    [1, fc.string({ unit: 'binary', minLength: 1, maxLength: 100 }).filter((s) => s.trim() !== '')],
    [1, fc.constantFrom('Fix it [emulator:scenario=poll-driven]', 'Break it [emulator:scenario=fails]', 'Nope [emulator:scenario=no-such]', '   ', '')],
  );
  const fieldValue = (name: string, type: string | undefined) => {
    if (name === 'prompt') return prompt;
    if (name === 'model') return weighted([3, fc.constantFrom(...MODELS)], [1, fc.string({ maxLength: 12 })]);
    if (type === 'boolean') return fc.boolean();
    return fc.string({ unit: 'grapheme', maxLength: 40 });
  };
  const valid = fc.record(
    Object.fromEntries(Object.entries(props).map(([name, s]) => [name, fieldValue(name, s.type)])) as Record<string, fc.Arbitrary<unknown>>,
    { requiredKeys: (schema.required as string[]) ?? [] },
  );
  const wrongType = fc.constantFrom<unknown>(null, 0, -1.5, true, [], {}, ['a'], { prompt: 'x' }, '');
  const mistyped = fc.tuple(valid, fc.constantFrom(...Object.keys(props)), wrongType).map(([body, key, value]) => ({ ...body, [key]: value }));
  return weighted(
    [24, valid.map((b) => JSON.stringify(b))],
    [3, mistyped.map((b) => JSON.stringify(b))],
    [1, fc.constantFrom(
      '{"prompt":"proto","__proto__":{"polluted":true,"prompt":1}}',
      '{"__proto__":{"prompt":"inherited"}}',
      '{"prompt":"ctor","constructor":{"prototype":{"polluted":true}}}',
      '{"constructor":"x","prompt":{"__proto__":null}}',
      '{"prompt":"dup","prompt":7}',
    )],
    [1, fc.integer({ min: 1_000, max: 200_000 }).map((d) => `{"prompt":"deep","extra":${nest(d, '[', ']')}}`)],
    [1, fc.integer({ min: 1_000, max: 50_000 }).map((d) => `{"prompt":${nest(d, '{"a":', '}').replace(/\}+$/, (m) => `1${m}`)}}`)],
    [1, fc.constantFrom(HUGE_PROMPT, BIG_VALID_PROMPT)],
    [2, fc.constantFrom('', 'null', '[]', '1', '"prompt"', '{', '{"prompt":', "{'prompt':'x'}", '\uFEFF{"prompt":"bom"}', 'prompt=x', '{"prompt":"x"}garbage', '{"prompt":NaN}')],
    [2, fc.string({ unit: 'binary', maxLength: 200 })],
    [2, fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v))],
  );
}

/** Requests drawn from one operation of the description, mutated now and then. */
function requestFor(op: SpecOperation, world: FuzzWorld, bodies: fc.Arbitrary<string>): fc.Arbitrary<FuzzRequest> {
  const method = weighted([24, fc.constant(op.method)], [1, fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD')]);
  const prefix = weighted(
    [12, fc.constant('')],
    [3, fc.constantFrom(...world.tenants).map((t) => `/t/${t}`)],
    [1, fc.constantFrom('/t/', '/t/-bad', '/t/%20', `/t/${'x'.repeat(70)}`, '/t/a/b')],
  );
  const suffix = weighted([30, fc.constant('')], [1, fc.constantFrom('/', '//', '/extra', '.json', '%00')]);
  return fc
    .record({
      method,
      prefix,
      path: pathFor(op, world),
      suffix,
      query: queryFor(op),
      body: bodies,
      authorization: authorization(world.tokens),
      version: apiVersion,
      other: otherHeaders,
    })
    .map((r) => {
      const headers: Record<string, string> = { ...(r.other as Record<string, string>) };
      if (r.authorization !== undefined) headers.authorization = r.authorization;
      if (r.version !== undefined) headers['x-github-api-version'] = r.version;
      const hasBody = r.method !== 'GET' && r.method !== 'HEAD';
      return { method: r.method, target: `${r.prefix}${r.path}${r.suffix}${r.query}`, headers, body: hasBody ? r.body : undefined, aimedAt: op.operationId };
    });
}

/**
 * Requests across every operation of the description. Any request that carries a body draws it
 * from the one body schema the description has (create), so a GET turned POST is a create too.
 */
export function fuzzRequests(operations: SpecOperation[], world: FuzzWorld): fc.Arbitrary<FuzzRequest> {
  const bodySchema = operations.find((op) => op.bodySchema)?.bodySchema;
  if (!bodySchema) throw new Error('the description has no request body schema');
  const bodies = bodyFor(bodySchema);
  // Creates weigh double: they are the only requests that can change state, so the ones to watch.
  return fc.oneof(...operations.map((op) => ({ weight: op.bodySchema ? 2 : 1, arbitrary: requestFor(op, world, bodies) })));
}
