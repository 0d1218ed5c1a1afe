// The one door to the target: every request of the contract suite goes through `request`, and
// every answer is checked (response-checks.ts) before the test sees it, so none escapes.
import { checkExchange } from './response-checks.js';
import type { SpecValidators } from './spec-validators.js';
import type { StartedTask, TaskBudget } from './task-budget.js';
import type { ContractTarget, RepoRef } from './target.js';

export const CLIENT_API_VERSION = '2026-03-10';
const CREATE_OPERATION = 'agent-tasks/create-task-in-repo';

export type QueryValue = string | number | boolean | ReadonlyArray<string | number>;

export interface ApiRequest {
  method?: string;
  /** Path below the target's base URL, e.g. /agents/tasks. */
  path: string;
  /**
   * Arrays are sent repeated (creator_id=1&creator_id=2), as GitHub's clients send them;
   * URLSearchParams (a followed Link) are sent as they are.
   */
  query?: Record<string, QueryValue | undefined> | URLSearchParams;
  /** Defaults to the target's token; null sends no Authorization header. */
  token?: string | null;
  authScheme?: 'Bearer' | 'token';
  /** Extra headers; null removes one of the defaults (Accept, X-GitHub-Api-Version). */
  headers?: Record<string, string | null>;
  /** A JSON body, or `rawBody` for bodies that are deliberately not JSON. */
  json?: unknown;
  rawBody?: string;
  /** Replaces the description's schema for this answer (the reason goes into the report). */
  schemaOverride?: { reason: string; schema: object };
  /** Applies only if no description covers the answer, e.g. emulator routes not yet described. */
  schemaIfUndescribed?: { reason: string; schema: object };
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed body (undefined when empty). */
  json: unknown;
  url: URL;
  /** operationId matched from the description, if any. */
  operation?: string;
}

export interface TestHooks {
  name: string;
  /** Whether the test declared `writes: true`. */
  writes: boolean;
  skip(note: string): never;
  note(text: string): void;
  taskStarted(task: StartedTask): void;
}

export interface ApiClient {
  readonly target: ContractTarget;
  request(req: ApiRequest): Promise<ApiResponse>;
  get(path: string, query?: ApiRequest['query'], extra?: Omit<ApiRequest, 'path' | 'query' | 'method'>): Promise<ApiResponse>;
  /** POST /agents/repos/{owner}/{repo}/tasks on the target repository (or another one). */
  createTask(body: unknown, extra?: Omit<ApiRequest, 'path' | 'method' | 'json'> & { repo?: RepoRef }): Promise<ApiResponse>;
  /** /agents/repos/{owner}/{repo}/tasks[/suffix] for the target repository, or another one. */
  tasksPath(suffix?: string, repo?: RepoRef): string;
  /** The operation's documentation URL from the description (its errors' documentation_url). */
  docsUrl(operationId: string): string;
  /** The path of an absolute URL the target wrote (a task's url, a Link), below the base URL. */
  pathOf(url: string | URL): string;
  /** The same client on another base URL, e.g. an emulator tenant (/t/{name}) of one's own. */
  withBaseUrl(baseUrl: string): ApiClient;
  /**
   * An emulator tenant of one's own, `${origin}/t/{name}`, made through the control API
   * (POST /_emulator/reset, with CONTRACT_CONTROL_TOKEN when set): an emulator started with
   * --control-token makes tenants only that way, and answers 404 in one never made.
   */
  newTenant(name: string): Promise<ApiClient>;
}

export interface ApiClientDeps {
  target: ContractTarget;
  validators: SpecValidators;
  budget: TaskBudget;
  test: TestHooks;
  fetch?: typeof fetch;
}

export function createApiClient(deps: ApiClientDeps): ApiClient {
  const { target, validators, budget, test } = deps;
  const doFetch = deps.fetch ?? fetch;
  const tasksPath = (suffix = '', repo: RepoRef = target.repo) =>
    `/agents/repos/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.repo)}/tasks${suffix}`;

  async function request(req: ApiRequest): Promise<ApiResponse> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(`${target.baseUrl}${req.path}`);
    if (req.query instanceof URLSearchParams) for (const [name, value] of req.query) url.searchParams.append(name, value);
    else {
      for (const [name, value] of Object.entries(req.query ?? {})) {
        if (value === undefined) continue;
        for (const v of Array.isArray(value) ? value : [value]) url.searchParams.append(name, String(v));
      }
    }
    const headers = buildHeaders(req, target.token);
    if (target.controlToken && req.path.startsWith('/_emulator') && !headers.has('x-emulator-control-token')) {
      headers.set('x-emulator-control-token', target.controlToken);
    }
    const operation = validators.find(method, req.path);
    // Without credentials nothing can start; anything else that reaches "Start a task" might.
    const reservation = operation?.id === CREATE_OPERATION && req.token !== null ? reserveSlot() : undefined;

    const response = await doFetch(url, {
      method,
      headers,
      body: req.rawBody ?? (req.json === undefined ? undefined : JSON.stringify(req.json)),
      redirect: 'manual',
    });
    const text = await response.text();
    const outcome = checkExchange(validators, {
      method,
      url,
      apiPath: req.path,
      requestedVersion: headers.get('x-github-api-version') ?? undefined,
      status: response.status,
      headers: response.headers,
      text,
      schemaOverride: req.schemaOverride,
      schemaIfUndescribed: req.schemaIfUndescribed,
    });
    for (const note of outcome.notes) test.note(note);

    if (reservation && response.status >= 400 && response.status < 500) reservation.release();
    if (reservation && response.status === 201) {
      const body = outcome.json as { id?: unknown; url?: string; html_url?: string } | undefined;
      const started: StartedTask = { id: String(body?.id ?? '(no id in answer)'), url: body?.url, html_url: body?.html_url, test: test.name };
      reservation.record(started);
      test.taskStarted(started);
    }
    if (outcome.problems.length > 0) {
      throw new Error(`the answer breaks the contract:\n  - ${outcome.problems.join('\n  - ')}`);
    }
    return { status: response.status, headers: response.headers, text, json: outcome.json, url, operation: outcome.operation?.id };
  }

  function reserveSlot() {
    if (!test.writes) throw new Error(`"${test.name}" sends a request that can start a task: declare writes: true`);
    const reservation = budget.reserve(test.name);
    if (!reservation) test.skip(`task budget spent: CONTRACT_MAX_TASKS=${budget.max} tasks already started`);
    return reservation;
  }

  return {
    target,
    request,
    get: (path, query, extra) => request({ ...extra, path, query }),
    createTask: (body, extra = {}) => {
      const { repo, ...rest } = extra;
      return request({ ...rest, method: 'POST', path: tasksPath('', repo), json: body });
    },
    tasksPath,
    pathOf(raw) {
      const url = new URL(raw);
      const base = new URL(target.baseUrl);
      if (url.origin !== base.origin || !`${url.pathname}/`.startsWith(`${base.pathname.replace(/\/$/, '')}/`)) {
        throw new Error(`${url} is not below the target's base URL ${target.baseUrl}`);
      }
      return url.pathname.slice(base.pathname.replace(/\/$/, '').length);
    },
    withBaseUrl: (baseUrl) => createApiClient({ ...deps, target: { ...target, baseUrl: baseUrl.replace(/\/+$/, '') } }),
    async newTenant(name) {
      const client = createApiClient({ ...deps, target: { ...target, baseUrl: `${new URL(target.baseUrl).origin}/t/${name}` } });
      const made = await client.request({ method: 'POST', path: '/_emulator/reset', token: null });
      if (made.status !== 200) throw new Error(`making tenant ${name} answered ${made.status}: ${made.text}`);
      return client;
    },
    docsUrl(operationId) {
      const url = validators.operations.find((op) => op.id === operationId)?.docsUrl;
      if (!url) throw new Error(`no documentation URL for ${operationId} in the description`);
      return url;
    },
  };
}

function buildHeaders(req: ApiRequest, defaultToken: string): Headers {
  const headers = new Headers({
    accept: 'application/vnd.github+json',
    'x-github-api-version': CLIENT_API_VERSION,
    // GitHub refuses requests without a User-Agent.
    'user-agent': 'agent-tasks-emulator-contract-kit',
  });
  if (req.json !== undefined || req.rawBody !== undefined) headers.set('content-type', 'application/json');
  const token = req.token === undefined ? defaultToken : req.token;
  if (token !== null) headers.set('authorization', `${req.authScheme ?? 'Bearer'} ${token}`);
  for (const [name, value] of Object.entries(req.headers ?? {})) {
    if (value === null) headers.delete(name);
    else headers.set(name, value);
  }
  return headers;
}
