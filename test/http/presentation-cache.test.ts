import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getTaskById, getTaskByRepoAndId, listTasks, listTasksForRepo } from '../../src/domain/agent-tasks.js';
import type { Caller, World } from '../../src/domain/world.js';
import { parseListQuery } from '../../src/http/agent-tasks/list-query.js';
import { presentTaskList, presentTaskWithSessions, type UrlBases } from '../../src/http/agent-tasks/present-task.js';
import { TOKENS, testEmulator } from '../support/emulator.js';

// The cache rule (docs/architecture.md): every input to a presented body is on the record or in
// the cache key. This drives the app through random sequences of creates, clock moves, control
// levers and reads, in several tenants under several tokens, and compares every answer with a
// presentation of the same world made without any cache; a conditional read may answer 304 only
// when the body it stands for is still the one presented.

const TENANTS = ['', '/t/team-a', '/t/team-b'] as const;
const READERS = [TOKENS.octocat, TOKENS.monalisa, TOKENS.readOnly, TOKENS.readWrite, TOKENS.hubot] as const;
const WRITERS = [TOKENS.octocat, TOKENS.monalisa, TOKENS.readWrite, TOKENS.hubot] as const;
const REPOS = ['octocat/hello-world', 'octocat/spoon-knife', 'hubot/secret-plans'] as const;
const QUERIES = ['', '?per_page=5', '?state=queued,in_progress', '?sort=created_at&direction=asc&per_page=3&page=2', '?is_archived=true', '?state=completed&per_page=2'] as const;
const SCENARIOS = [undefined, 'happy-path', 'poll-driven', 'waits-for-user', 'fails', 'slow-queue'] as const;
const LEVERS = ['cancel', 'archive', 'unarchive', 'answer', 'follow-up', 'state'] as const;

type Step =
  | { kind: 'create'; tenant: number; token: number; repo: number; scenario: number }
  | { kind: 'advance'; tenant: number; ms: number }
  | { kind: 'lever'; tenant: number; lever: number; task: number }
  | { kind: 'list'; tenant: number; token: number; repo: number | undefined; query: number }
  | { kind: 'get'; tenant: number; token: number; byRepo: boolean; task: number };

const index = (n: number) => fc.nat({ max: n - 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('create' as const), tenant: index(TENANTS.length), token: index(WRITERS.length), repo: index(REPOS.length), scenario: index(SCENARIOS.length) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('advance' as const), tenant: index(TENANTS.length), ms: fc.integer({ min: 1_000, max: 20 * 60_000 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('lever' as const), tenant: index(TENANTS.length), lever: index(LEVERS.length), task: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('list' as const), tenant: index(TENANTS.length), token: index(READERS.length), repo: fc.option(index(REPOS.length), { nil: undefined }), query: index(QUERIES.length) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('get' as const), tenant: index(TENANTS.length), token: index(READERS.length), byRepo: fc.boolean(), task: fc.nat() }) },
);

/** What the domain answers, presented without any cache; `undefined` when it refuses. */
function uncached(present: () => unknown): string | undefined {
  try {
    return JSON.stringify(present());
  } catch {
    return undefined;
  }
}

describe('the presentation cache', () => {
  it('never answers what a presentation made without it would not (randomized: creates, clock moves, levers, reads; tenants and tokens)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 20, maxLength: 80, size: 'max' }), async (steps) => {
        const emulator = testEmulator();
        const { json, request, tenants, config } = emulator;
        // Task ids created per tenant, for levers and reads to pick from.
        const created: string[][] = TENANTS.map(() => []);
        // The last ETag and body seen per tenant, token and URL, sent back as If-None-Match.
        const seen = new Map<string, { etag: string; body: string }>();
        const worldOf = (t: number): World => tenants.open(TENANTS[t] === '' ? 'default' : TENANTS[t]!.slice(3))!.world;
        const bases = (t: number): UrlBases => ({ api: `http://localhost${TENANTS[t]}`, web: config.webBaseUrl });
        const callerOf = (world: World, token: string): Caller => {
          const t = world.directory.tokens.get(token)!;
          return { user: t.user, token: t };
        };

        for (const s of steps) {
          const prefix = TENANTS[s.tenant]!;
          if (s.kind === 'create') {
            const headers: Record<string, string> = SCENARIOS[s.scenario] ? { 'x-emulator-scenario': SCENARIOS[s.scenario]! } : {};
            const made = await json(`${prefix}/agents/repos/${REPOS[s.repo]}/tasks`, {
              method: 'POST',
              token: WRITERS[s.token],
              body: JSON.stringify({ prompt: `Task ${created[s.tenant]!.length}` }),
              headers: { 'content-type': 'application/json', ...headers },
            });
            if (made.status === 201) created[s.tenant]!.push(made.body.id);
          } else if (s.kind === 'advance') {
            expect((await request(`${prefix}/_emulator/clock/advance`, { method: 'POST', token: null, body: JSON.stringify({ ms: s.ms }) })).status).toBe(200);
          } else if (s.kind === 'lever') {
            const ids = created[s.tenant]!;
            if (ids.length === 0) continue;
            const lever = LEVERS[s.lever]!;
            const body = lever === 'answer' || lever === 'follow-up' ? { prompt: 'Go on' } : lever === 'state' ? { state: 'in_progress' } : undefined;
            const res = await request(`${prefix}/_emulator/tasks/${ids[s.task % ids.length]}/${lever}`, { method: 'POST', token: null, body: body && JSON.stringify(body) });
            expect([200, 409]).toContain(res.status);
          } else {
            const token = READERS[s.token]!;
            const world = worldOf(s.tenant);
            let path: string;
            let expected: () => string | undefined;
            if (s.kind === 'list') {
              const query = QUERIES[s.query]!;
              const repo = s.repo === undefined ? undefined : REPOS[s.repo]!;
              path = repo ? `${prefix}/agents/repos/${repo}/tasks${query}` : `${prefix}/agents/tasks${query}`;
              const search = new URLSearchParams(query.slice(1));
              const parsed = parseListQuery({ get: (n) => search.get(n) ?? undefined, all: (n) => search.getAll(n) }, repo !== undefined);
              if ('problems' in parsed) throw new Error(`test query ${query} does not parse`);
              expected = () =>
                uncached(() => {
                  const caller = callerOf(world, token);
                  const [owner, name] = repo?.split('/') ?? [];
                  const page = repo ? listTasksForRepo(world, caller, owner!, name!, parsed.options) : listTasks(world, caller, parsed.options);
                  return presentTaskList(page, bases(s.tenant));
                });
            } else {
              const ids = created[s.tenant]!;
              if (ids.length === 0) continue;
              const id = ids[s.task % ids.length]!;
              const repoOf = world.store.get(id);
              const repo = repoOf ? `${repoOf.ownerLogin}/${repoOf.repositoryName}` : 'octocat/hello-world';
              path = s.byRepo ? `${prefix}/agents/repos/${repo}/tasks/${id}` : `${prefix}/agents/tasks/${id}`;
              // A read may itself move a poll-driven task on: the record is looked up after it.
              expected = () =>
                uncached(() => {
                  const caller = callerOf(world, token);
                  const [owner, name] = repo.split('/');
                  const task = s.byRepo ? getTaskByRepoAndId(world, caller, owner!, name!, id) : getTaskById(world, caller, id);
                  return presentTaskWithSessions(world.store.get(task.id)!, bases(s.tenant));
                });
            }
            const key = `${token} ${path}`;
            const before = seen.get(key);
            const res = await request(path, { token, headers: before ? { 'if-none-match': before.etag } : {} });
            const body = await res.text();
            // Asked after the request, so it sees what the request saw (the clock is frozen).
            const want = expected();
            if (res.status === 304) {
              expect(before, `${path}: 304 without a prior answer`).toBeDefined();
              expect(JSON.stringify(JSON.parse(before!.body)), `${path}: 304 for a body that changed`).toBe(want);
            } else if (res.status === 200) {
              expect(JSON.stringify(JSON.parse(body)), path).toBe(want);
              seen.set(key, { etag: res.headers.get('etag')!, body });
            } else {
              expect([403, 404], `${path}: ${res.status} ${body}`).toContain(res.status);
              expect(want, `${path}: refused, yet the domain presents it`).toBeUndefined();
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
