import type { Emulator } from '../../src/create-emulator.js';
import type { TaskRecord } from '../../src/model/task-record.js';
import type { SpecValidators } from '../support/spec-validators.js';
import type { FuzzRequest, FuzzWorld } from './request-arbitraries.js';

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
const ORIGIN = 'http://emulator.test';
const TENANT_PREFIX = /^\/t\/([^/]+)(?=\/)/;

/** What the fuzzer learns from the emulator before it starts: names worth aiming at. */
export function fuzzWorldOf(emulator: Emulator, tenants: string[]): FuzzWorld {
  const { world } = emulator.tenants.default;
  for (const name of tenants) emulator.tenants.open(name);
  return {
    repositories: [...world.directory.repositories.values()].map((r) => `${r.owner.login}/${r.name}`).concat('octocat/no-such-repo'),
    taskIds: [...world.store.all()].slice(0, 40).map((t) => t.id),
    tokens: [...world.directory.tokens.keys()],
    tenants,
  };
}

/**
 * A cheap picture of what a request could change in the tenants that exist: how many tasks, what
 * the scenario engine has planned and queued, and the tasks a request could touch (the one it
 * names, the three oldest and the last ones the fuzzer created). Cheap means independent of the
 * number of stored tasks, so 100,000 requests stay fast. Tenants a request brings into being are
 * left out: a tenant is created from the fixtures on first use by a request that passes authentication
 * (docs/lifecycle.md).
 */
function snapshot(emulator: Emulator, request: FuzzRequest, names: string[], recent: readonly string[]): string {
  const ids = [...request.target.split(/[/?]/).map(safeDecode), ...recent];
  const parts: unknown[] = [];
  for (const name of names) {
    const tenant = emulator.tenants.find(name)!;
    const { store } = tenant.world;
    const tasks: Array<TaskRecord | undefined> = [];
    for (const t of store.all()) {
      tasks.push(t);
      if (tasks.length === 3) break;
    }
    for (const id of ids) tasks.push(store.get(id));
    parts.push(name, store.count(), tenant.engine.pending(), tenant.engine.outcomes(), tenant.engine.defaultScenario(), tasks);
  }
  return JSON.stringify(parts);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export interface FuzzOutcome {
  status: number;
  problems: string[];
}

/** What the fuzzer remembers between requests: the tasks it created last. */
export interface FuzzMemory {
  recent: string[];
}

/** Sends one request in-process and checks every property; returns what went wrong, if anything. */
export async function fuzzOnce(emulator: Emulator, spec: SpecValidators, request: FuzzRequest, memory: FuzzMemory = { recent: [] }): Promise<FuzzOutcome> {
  const names = emulator.tenants.names();
  const before = snapshot(emulator, request, names, memory.recent);
  const res = await emulator.app.request(`${ORIGIN}${request.target}`, { method: request.method, headers: request.headers, body: request.body });
  const text = await res.text();
  const problems: string[] = [];
  const say = (what: string) => problems.push(`${res.status} ${request.method} ${request.target.slice(0, 200)}: ${what}`);

  if (res.status >= 500) say(`server error ${text.slice(0, 300)}`);
  if (Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted') || ({} as Record<string, unknown>).polluted !== undefined) {
    say('Object.prototype was polluted');
  }
  const path = new URL(`${ORIGIN}${request.target}`).pathname.replace(TENANT_PREFIX, '');
  const op = spec.operationFor(request.method, path);
  const contentType = res.headers.get('content-type');

  if (res.status >= 400 && request.method !== 'HEAD') {
    if (contentType !== JSON_CONTENT_TYPE) say(`error content-type ${contentType}`);
    const body = parse(text);
    if (!isGitHubError(body, res.status)) say(`error body not GitHub-shaped: ${text.slice(0, 300)}`);
    // Declared errors must also fit the operation's error schema; the unsupported-version 400
    // carries GitHub's own body, whose `errors` is a string (docs: github-behaviour.md).
    else if (op && op.statuses.includes(String(res.status)) && !isVersionError(body)) {
      const problem = spec.check(op.operationId, res.status, body);
      if (problem) say(`error body off the schema: ${problem}`);
    }
    if (res.status < 500 && snapshot(emulator, request, names, memory.recent) !== before) say('a rejected request changed the state');
  } else if (res.status >= 200 && res.status < 300 && request.method !== 'HEAD') {
    if (!op) say('success on a path the description does not have');
    else {
      if (contentType !== JSON_CONTENT_TYPE) say(`content-type ${contentType}`);
      const body = parse(text);
      const version = res.headers.get('x-github-api-version-selected') ?? undefined;
      const problem = spec.check(op.operationId, res.status, body, { closed: true, version });
      if (problem) say(`body off the schema of ${op.operationId} ${res.status}: ${problem}`);
      if (res.status === 201) memory.recent = [...memory.recent.slice(-2), (body as { id: string }).id];
    }
  } else if (res.status === 304 && text !== '') say('a 304 with a body');
  return { status: res.status, problems };
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isGitHubError(body: unknown, status: number): boolean {
  if (body === null || typeof body !== 'object') return false;
  const b = body as Record<string, unknown>;
  return typeof b.message === 'string' && b.message !== '' && typeof b.documentation_url === 'string' && /^https?:\/\//.test(b.documentation_url) && b.status === String(status);
}

function isVersionError(body: unknown): boolean {
  return typeof (body as { errors?: unknown }).errors === 'string';
}
