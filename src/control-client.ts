// A typed client for the emulator's own API under /_emulator (openapi/emulator.yaml). It takes a
// base URL and a fetch, so it works over HTTP and port-less alike, for the default tenant
// (`http://127.0.0.1:4010`) or a named one (`http://127.0.0.1:4010/t/acme`).
import type { TaskState } from './model/task-record.js';
import type { FetchFunction } from './emulator-fetch.js';
import type { FaultRuleSpec } from './faults/fault-rule.js';
import type { TenantSnapshot } from './persistence/state-records.js';
import type { LoadedTask } from './domain/load-tasks.js';
import type { JournalEntry, JournalFilter } from './tenants/journal.js';

export interface EmulatorHealth {
  status: 'ok';
  tenant: string;
  /** Tasks the tenant holds, archived included. */
  tasks: number;
}

export interface ResetResult {
  status: 'reset';
  tenant: string;
  tasks: number;
  now: string;
  default_scenario: string;
}

export interface ClockState {
  now: string;
  epoch_ms: number;
  mode: 'real' | 'scaled' | 'manual';
  scale: number;
}

/** A task as the API shows it, plus where it is in its scenario. */
export interface ControlledTask {
  task: Record<string, unknown> & { id: string; state: TaskState };
  scenario: { name: string; step: number; steps: number; next_state: TaskState | null } | null;
}

export type LoadTask = LoadedTask;

/** What expectOneRequest looks for. */
export type RequestMatch = Omit<JournalFilter, 'body'> & { body?: string | Record<string, unknown> };

/** GET /_emulator/tasks/{id}/history (openapi/emulator.yaml, TaskHistory). */
export interface TaskHistory {
  task_id: string;
  state: TaskState;
  archived: boolean;
  scenario: string | null;
  chosen_by: 'queued outcome' | 'prompt directive' | 'request header' | 'repository default' | 'default' | 'control load' | null;
  clock: { now: string; mode: 'real' | 'scaled' | 'manual' };
  next: { state: TaskState; trigger: 'after' | 'after_reads' | 'on_answer'; due_at?: string; in_ms?: number; reads?: number; of?: number } | null;
  waiting_for: string;
  /** Entries dropped past the per-task limit (the first is always kept). */
  dropped: number;
  entries: Array<{
    at: string;
    from: TaskState | null;
    to: TaskState;
    sessions: number;
    cause: { kind: 'created' | 'scenario_step' | 'poll' | 'answer' | 'follow_up' | 'control'; scenario?: string; step?: number; chosen_by?: string; lever?: string };
    produced?: { provider: 'github'; type: 'pull' | 'branch'; data: Record<string, unknown> };
  }>;
}

/** expectOneRequest found none, or more than one. */
export class RequestAssertionError extends Error {
  constructor(
    message: string,
    readonly matched: JournalEntry[],
  ) {
    super(message);
    this.name = 'RequestAssertionError';
  }
}

export interface ControlClient {
  health(): Promise<EmulatorHealth>;
  /** Back to the tenant's initial world: fixtures, generated tasks, clock and rate limits. */
  reset(): Promise<ResetResult>;
  /** Start over with tasks generated from another seed. */
  seed(seed: number): Promise<ResetResult>;
  clock(): Promise<ClockState>;
  /** Move the clock forward by a duration ("30s", "5m", "1h30m") or a number of ms. */
  advance(by: string | number): Promise<ClockState>;
  setClock(now: string | Date): Promise<ClockState>;
  setDefaultScenario(name: string): Promise<void>;
  /** Scenarios the next tasks created will follow, first in first out. */
  queueOutcomes(...scenarios: string[]): Promise<string[]>;
  clearOutcomes(): Promise<void>;
  task(id: string): Promise<ControlledTask>;
  /** Move a task by hand along a legal transition (409 ControlError otherwise). */
  move(id: string, state: TaskState): Promise<ControlledTask>;
  cancel(id: string): Promise<ControlledTask>;
  answer(id: string, prompt: string): Promise<ControlledTask>;
  followUp(id: string, prompt: string): Promise<ControlledTask>;
  archive(id: string): Promise<ControlledTask>;
  unarchive(id: string): Promise<ControlledTask>;
  loadTasks(tasks: LoadTask[]): Promise<Array<ControlledTask['task']>>;
  journal(filter?: JournalFilter): Promise<JournalEntry[]>;
  /**
   * The one request that matches, or a RequestAssertionError saying how many did and listing them:
   * `await control.expectOneRequest({ method: 'POST', body: { create_pull_request: true } })`.
   * `body` is a substring of the request body, or an object every field of which the body's JSON
   * must have (nested objects alike).
   */
  expectOneRequest(filter: RequestMatch): Promise<JournalEntry>;
  /** A task's history: every change with its cause, its scenario and why, and what it waits for. */
  history(id: string): Promise<TaskHistory>;
  clearJournal(): Promise<void>;
  addFault(rule: FaultRuleSpec): Promise<FaultRuleSpec & { id: string }>;
  clearFaults(): Promise<void>;
  /** Set a token's quota or what remains of it (`{ remaining: 0 }` exhausts it). */
  setRateLimit(token: string, change: { limit?: number | null; remaining?: number }): Promise<void>;
  exportSnapshot(): Promise<TenantSnapshot>;
  importSnapshot(snapshot: TenantSnapshot): Promise<ResetResult>;
  /** Merge an open pull request a task opened ("owner/repo", its number); 409 ControlError if it is closed. */
  mergePullRequest(repository: string, number: number): Promise<ControlledPullRequest>;
  /** Close an open pull request without merging it. */
  closePullRequest(repository: string, number: number): Promise<ControlledPullRequest>;
}

/** A pull request as GET /repos/{owner}/{repo}/pulls/{pull_number} answers it (the fields most tests read). */
export interface ControlledPullRequest {
  id: number;
  node_id: string;
  number: number;
  state: 'open' | 'closed';
  draft?: boolean;
  merged: boolean;
  merged_at: string | null;
  closed_at: string | null;
  merge_commit_sha: string | null;
  html_url: string;
  head: { ref: string; sha: string };
  base: { ref: string; sha: string };
  [field: string]: unknown;
}

export interface ControlClientOptions {
  baseUrl: string;
  /** Defaults to the global fetch. */
  fetch?: FetchFunction;
  /** The emulator's --control-token, if it has one. */
  controlToken?: string;
}

/** A control call that did not succeed, with GitHub's error message when the answer had one. */
export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ControlError';
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export function createControlClient(options: ControlClientOptions): ControlClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const fetch = options.fetch ?? globalThis.fetch;
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/json' };
  if (options.controlToken !== undefined) headers['x-emulator-control-token'] = options.controlToken;
  const call = async <T>(method: Method, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${base}/_emulator/${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    const parsed = parseJson(text);
    if (!res.ok) {
      const message = (parsed as { message?: unknown } | undefined)?.message;
      throw new ControlError(res.status, `${method} /_emulator/${path}: ${res.status} ${typeof message === 'string' ? message : text.slice(0, 200)}`);
    }
    return parsed as T;
  };
  const task = (id: string, action?: string, body?: unknown) =>
    call<ControlledTask>(action ? 'POST' : 'GET', `tasks/${encodeURIComponent(id)}${action ? `/${action}` : ''}`, body);
  const query = (filter: JournalFilter = {}) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(filter)) if (v !== undefined) q.set(k, String(v));
    return q.size > 0 ? `?${q}` : '';
  };
  return {
    health: () => call('GET', 'health'),
    reset: () => call('POST', 'reset'),
    seed: (seed) => call('POST', 'seed', { seed }),
    clock: () => call('GET', 'clock'),
    advance: (by) => call('POST', 'clock/advance', typeof by === 'number' ? { ms: by } : { by }),
    setClock: (now) => call('POST', 'clock/set', { now: typeof now === 'string' ? now : now.toISOString() }),
    setDefaultScenario: async (name) => void (await call('PUT', 'scenarios/default', { name })),
    queueOutcomes: async (...scenarios) => (await call<{ queued: string[] }>('POST', 'outcomes', { scenarios })).queued,
    clearOutcomes: async () => void (await call('DELETE', 'outcomes')),
    task: (id) => task(id),
    move: (id, state) => task(id, 'state', { state }),
    cancel: (id) => task(id, 'cancel'),
    answer: (id, prompt) => task(id, 'answer', { prompt }),
    followUp: (id, prompt) => task(id, 'follow-up', { prompt }),
    archive: (id) => task(id, 'archive'),
    unarchive: (id) => task(id, 'unarchive'),
    loadTasks: async (tasks) => (await call<{ tasks: Array<ControlledTask['task']> }>('POST', 'tasks', { tasks })).tasks,
    journal: async (filter) => (await call<{ entries: JournalEntry[] }>('GET', `journal${query(filter)}`)).entries,
    clearJournal: async () => void (await call('DELETE', 'journal')),
    async expectOneRequest(match) {
      const { body, ...rest } = match;
      const filter: JournalFilter = typeof body === 'string' ? { ...rest, body } : rest;
      let entries = (await call<{ entries: JournalEntry[] }>('GET', `journal${query(filter)}`)).entries;
      if (body !== undefined && typeof body !== 'string') entries = entries.filter((e) => jsonHas(parseJson(e.request?.body ?? ''), body));
      if (entries.length === 1) return entries[0]!;
      const seen = entries.map((e) => `  ${e.method} ${e.path}${e.query} -> ${e.status}: ${(e.request?.body ?? '').slice(0, 120)}`).join('\n');
      throw new RequestAssertionError(`expected exactly one request matching ${JSON.stringify(match)}, found ${entries.length}${seen ? `:\n${seen}` : ''}`, entries);
    },
    history: (id) => call('GET', `tasks/${encodeURIComponent(id)}/history`),
    addFault: (rule) => call('POST', 'faults', rule),
    clearFaults: async () => void (await call('DELETE', 'faults')),
    setRateLimit: async (token, change) => void (await call('PUT', `rate-limits/${encodeURIComponent(token)}`, change)),
    exportSnapshot: () => call('GET', 'snapshot'),
    importSnapshot: (snapshot) => call('PUT', 'snapshot', snapshot),
    mergePullRequest: (repository, number) => call('POST', `repos/${repository}/pulls/${number}/merge`),
    closePullRequest: (repository, number) => call('POST', `repos/${repository}/pulls/${number}/close`),
  };
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Whether `value` has every field of `pattern`, objects compared field by field, the rest by equality. */
function jsonHas(value: unknown, pattern: unknown): boolean {
  if (pattern !== null && typeof pattern === 'object' && !Array.isArray(pattern)) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
    return Object.entries(pattern).every(([k, v]) => jsonHas((value as Record<string, unknown>)[k], v));
  }
  return JSON.stringify(value) === JSON.stringify(pattern);
}
