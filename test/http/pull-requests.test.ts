import { describe, expect, it } from 'vitest';
import { TOKENS, testEmulator } from '../support/emulator.js';
import { loadSpecValidators } from '../support/spec-validators.js';

const spec = loadSpecValidators();
const REPO = 'octocat/hello-world';
const PULLS = `/repos/${REPO}/pulls`;

type Json = ReturnType<typeof testEmulator>['json'];

/** A GET whose 200 must fit the official schema of its operation, for the version it selected. */
async function read(json: Json, path: string, operationId: string, init: RequestInit & { token?: string | null } = {}) {
  const r = await json(path, init);
  expect(r.status, `${path}: ${JSON.stringify(r.body)}`).toBe(200);
  const version = r.res.headers.get('x-github-api-version-selected') ?? undefined;
  expect(spec.check(operationId, 200, r.body, { closed: true, version })).toBeUndefined();
  return r;
}

/** Every pull request of a list, page after page by the Link header, each page checked. */
async function walk(json: Json, first: string) {
  const seen: any[] = [];
  let next: string | undefined = first;
  for (let pages = 0; next && pages < 100; pages++) {
    const r = await read(json, next, 'pulls/list');
    seen.push(...r.body);
    const link = r.res.headers.get('link') ?? '';
    const m = /<([^>]+)>; rel="next"/.exec(link);
    next = m ? new URL(m[1]!).pathname + new URL(m[1]!).search : undefined;
  }
  return seen;
}

describe('a task opens its pull request, and it is found by every route clients use', () => {
  it('draft while working, the artifact when done: number, id, node_id, refs, author, reviewer, html_url', async () => {
    const { create, json, tenants } = testEmulator();
    const before = await walk(json, `${PULLS}?state=all&per_page=100`);
    const highest = Math.max(0, ...before.map((p) => p.number));
    const { body: task } = await create({ prompt: 'Fix the login button\n\nIt overlaps the logo.', create_pull_request: true });
    tenants.default.clock.advance(3_000);
    const working = (await json(`/agents/repos/${REPO}/tasks/${task.id}`)).body;
    const head = working.sessions[0].head_ref;
    const draft = (await read(json, `${PULLS}?head=octocat:${encodeURIComponent(head)}`, 'pulls/list')).body;
    expect(draft).toHaveLength(1);
    expect(draft[0]).toMatchObject({ number: highest + 1, state: 'open', draft: true, title: 'Fix the login button', head: { ref: head }, base: { ref: 'main' } });
    expect(draft[0].body).toBe('Fix the login button\n\nIt overlaps the logo.');
    tenants.default.clock.advance(60_000);
    const done = (await json(`/agents/repos/${REPO}/tasks/${task.id}`)).body;
    expect(done.state).toBe('completed');
    const artifact = done.artifacts.find((a: any) => a.type === 'pull');
    const pull = (await read(json, `${PULLS}/${highest + 1}`, 'pulls/get')).body;
    expect(pull).toMatchObject({
      id: artifact.data.id,
      node_id: artifact.data.global_id,
      number: highest + 1,
      state: 'open',
      draft: true,
      merged: false,
      head: { ref: head, repo: { full_name: REPO } },
      base: { ref: 'main' },
      user: { login: 'Copilot', id: 198982749, type: 'Bot', html_url: 'https://github.com/apps/copilot-swe-agent' },
      requested_reviewers: [{ login: 'octocat', id: 583231 }],
      html_url: `https://github.com/${REPO}/pull/${highest + 1}`,
      updated_at: '2026-11-01T12:00:33Z',
      created_at: '2026-11-01T12:00:03Z',
    });
    // The head branch exists at the pull request's head commit.
    const branch = (await read(json, `/repos/${REPO}/branches/${encodeURIComponent(head)}`, 'repos/get-branch')).body;
    expect(branch).toMatchObject({ name: head, commit: { sha: pull.head.sha } });
    expect(pull.head.sha).toMatch(/^[0-9a-f]{40}$/);
  });

  it('html_url follows the configured web base', async () => {
    const { create, json, tenants } = testEmulator({ webBaseUrl: 'https://ghe.example.com/' } as any);
    await create({ prompt: 'x', create_pull_request: true });
    tenants.default.clock.advance(60_000);
    const [latest] = (await read(json, `${PULLS}?per_page=1`, 'pulls/list')).body;
    expect(latest.html_url).toMatch(/^https:\/\/ghe\.example\.com\/octocat\/hello-world\/pull\/\d+$/);
  });

  it('a task on the head_ref and base_ref of an open pull request works on it: no new one, same artifact, updated_at moves', async () => {
    const { create, json, tenants } = testEmulator();
    const [open] = (await read(json, `${PULLS}?state=open&per_page=1`, 'pulls/list')).body;
    const count = (await walk(json, `${PULLS}?state=all&per_page=100`)).length;
    const { body: task } = await create({ prompt: 'Address the review', head_ref: open.head.ref, base_ref: open.base.ref });
    tenants.default.clock.advance(60_000);
    const done = (await json(`/agents/tasks/${task.id}`)).body;
    expect(done.artifacts).toEqual([{ provider: 'github', type: 'pull', data: { id: open.id, global_id: open.node_id } }]);
    expect((await walk(json, `${PULLS}?state=all&per_page=100`)).length).toBe(count);
    const after = (await read(json, `${PULLS}/${open.number}`, 'pulls/get')).body;
    expect(after.updated_at).toBe('2026-11-01T12:00:33Z');
    expect(after.head.sha).not.toBe(open.head.sha);
  });

  it('a branch-only task leaves a branch with a commit sha, readable as a branch and as a ref', async () => {
    const { create, json, tenants } = testEmulator();
    const { body: task } = await create({ prompt: 'Just a branch', create_pull_request: false });
    tenants.default.clock.advance(60_000);
    const done = (await json(`/agents/tasks/${task.id}`)).body;
    expect(done.artifacts[0].type).toBe('branch');
    const name = done.artifacts[0].data.head_ref;
    const branch = (await read(json, `/repos/${REPO}/branches/${name}`, 'repos/get-branch')).body;
    expect(branch.commit.sha).toMatch(/^[0-9a-f]{40}$/);
    const ref = (await read(json, `/repos/${REPO}/git/ref/heads/${name}`, 'git/get-ref')).body;
    expect(ref).toMatchObject({ ref: `refs/heads/${name}`, object: { type: 'commit', sha: branch.commit.sha } });
    expect((await read(json, `/repos/${REPO}/git/ref/${encodeURIComponent(`heads/${name}`)}`, 'git/get-ref')).body.ref).toBe(`refs/heads/${name}`);
    expect((await json(`${PULLS}?head=octocat:${encodeURIComponent(name)}&state=all`)).body).toEqual([]);
    expect((await json(`/repos/${REPO}/branches/no-such-branch`)).status).toBe(404);
    expect((await json(`/repos/${REPO}/git/ref/tags/v1`)).status).toBe(404);
    expect((await read(json, `/repos/${REPO}/branches/main`, 'repos/get-branch')).body.name).toBe('main');
  });

  it('every artifact of the built-in tasks resolves: pull requests by id in the list, branches by name', async () => {
    const { json } = testEmulator();
    const pulls = new Map((await walk(json, `${PULLS}?state=all&per_page=100`)).map((p) => [p.id, p]));
    let page = 1;
    let checked = 0;
    for (;;) {
      const { body } = await json(`/agents/repos/${REPO}/tasks?per_page=100&page=${page}&state=completed`);
      for (const t of body.tasks) {
        for (const a of t.artifacts ?? []) {
          if (a.type === 'pull') {
            expect(pulls.get(a.data.id)?.node_id, `task ${t.id}`).toBe(a.data.global_id);
          } else {
            expect((await json(`/repos/${REPO}/branches/${encodeURIComponent(a.data.head_ref)}`)).status, a.data.head_ref).toBe(200);
          }
          checked++;
        }
      }
      if (body.tasks.length < 100) break;
      page++;
    }
    expect(checked).toBeGreaterThan(10);
    // Numbers come from the repository's own sequence: 1..n without gaps.
    expect([...pulls.values()].map((p) => p.number).sort((a, b) => a - b)).toEqual([...pulls.values()].map((_, i) => i + 1));
  });
});

describe('GET /repos/{owner}/{repo}/pulls parameters', () => {
  it('state: open by default, closed, all; a bad value is a 422 naming the field', async () => {
    const { json, control } = withControl();
    const all = await walk(json, `${PULLS}?state=all&per_page=100`);
    const target = all.find((p) => p.state === 'open')!;
    await control(`/repos/${REPO}/pulls/${target.number}/close`);
    const open = await walk(json, `${PULLS}?per_page=100`);
    const closed = await walk(json, `${PULLS}?state=closed&per_page=100`);
    expect(open.every((p) => p.state === 'open')).toBe(true);
    expect(closed.map((p) => p.number)).toEqual([target.number]);
    expect(open.length + closed.length).toBe(all.length);
    for (const [name, value] of [['state', 'merged'], ['sort', 'newest'], ['direction', 'up']] as const) {
      const bad = await json(`${PULLS}?${name}=${value}`);
      expect(bad.status).toBe(422);
      expect(bad.body).toMatchObject({ message: 'Validation Failed', errors: [{ resource: 'PullRequest', field: name, code: 'invalid' }], status: '422' });
      expect(spec.check('pulls/list', 422, bad.body)).toBeUndefined();
    }
  });

  it('head (user:ref) and base filter; a head of another owner matches nothing; a bare branch name is ignored', async () => {
    const { json } = testEmulator();
    const [latest] = (await read(json, `${PULLS}?per_page=1`, 'pulls/list')).body;
    const byHead = (await read(json, `${PULLS}?head=OCTOCAT:${encodeURIComponent(latest.head.ref)}`, 'pulls/list')).body;
    expect(byHead.map((p: any) => p.number)).toEqual([latest.number]);
    expect((await json(`${PULLS}?head=monalisa:${encodeURIComponent(latest.head.ref)}`)).body).toEqual([]);
    const bare = (await json(`${PULLS}?head=${encodeURIComponent(latest.head.ref)}&per_page=100`)).body;
    expect(bare.length).toBeGreaterThan(1);
    expect((await walk(json, `${PULLS}?base=main&per_page=100`)).length).toBe((await walk(json, `${PULLS}?per_page=100`)).length);
    expect((await json(`${PULLS}?base=no-such-base`)).body).toEqual([]);
  });

  it('sort and direction: created desc by default, updated, popularity and long-running, asc and desc', async () => {
    const { json } = testEmulator();
    const created = await walk(json, `${PULLS}?per_page=100`);
    const times = created.map((p) => p.created_at);
    expect([...times].sort().reverse()).toEqual(times);
    const asc = await walk(json, `${PULLS}?direction=asc&per_page=100`);
    expect(asc.map((p) => p.number)).toEqual([...created].reverse().map((p) => p.number));
    const updated = await walk(json, `${PULLS}?sort=updated&per_page=100`);
    const u = updated.map((p) => p.updated_at);
    expect([...u].sort()).toEqual(u); // asc is the default for any sort but created
    const updatedDesc = (await walk(json, `${PULLS}?sort=updated&direction=desc&per_page=100`)).map((p) => p.updated_at);
    expect([...updatedDesc].sort().reverse()).toEqual(updatedDesc);
    expect((await walk(json, `${PULLS}?sort=popularity&per_page=100`)).length).toBe(created.length);
    const longRunning = await walk(json, `${PULLS}?sort=long-running&direction=desc&per_page=100`);
    expect(longRunning.map((p) => p.number)).toEqual(asc.map((p) => p.number)); // oldest first
  });

  it('paging: a walk of all pages by the Link header sees every pull request once; tolerant per_page and page', async () => {
    const { json, request } = testEmulator();
    const all = await walk(json, `${PULLS}?state=all&per_page=100`);
    const walked = await walk(json, `${PULLS}?state=all&per_page=7`);
    expect(walked.map((p) => p.number)).toEqual(all.map((p) => p.number));
    expect(new Set(walked.map((p) => p.id)).size).toBe(walked.length);
    const first = await request(`${PULLS}?state=all&per_page=7`);
    expect(first.headers.get('link')).toMatch(/page=2&per_page=7>; rel="next", <.*page=\d+&per_page=7>; rel="last"$/);
    expect((await json(`${PULLS}?state=all&per_page=1000`)).body.length).toBe(Math.min(100, all.length));
    for (const odd of ['0', '-1', 'abc', '2.5']) expect((await json(`${PULLS}?state=all&per_page=${odd}`)).body.length, odd).toBe(Math.min(30, all.length));
    expect((await json(`${PULLS}?state=all&page=0&per_page=5`)).body.map((p: any) => p.number)).toEqual(all.slice(0, 5).map((p) => p.number));
    const past = await request(`${PULLS}?state=all&page=999&per_page=5`);
    expect(await past.json()).toEqual([]);
    expect(past.headers.get('link')).toMatch(/rel="prev".*rel="first".*rel="last"/);
    expect((await request(`/repos/octocat/spoon-knife/pulls`)).headers.get('link')).toBeNull();
  });

  it('pull_number: an unknown number or one that is not a number is a 404', async () => {
    const { json } = testEmulator();
    for (const n of ['999999', 'abc', '1.5', '-1']) {
      const r = await json(`${PULLS}/${n}`);
      expect(r.status, n).toBe(404);
      expect(r.body).toMatchObject({ message: 'Not Found', status: '404' });
    }
  });
});

describe('the same rules as the task operations', () => {
  const paths = [PULLS, `${PULLS}/1`, `/repos/${REPO}/branches/main`, `/repos/${REPO}/git/ref/heads/main`, `/repos/${REPO}`];

  it('authentication: 401 without a token or with an unknown one', async () => {
    const { json } = testEmulator();
    for (const path of [...paths, '/user']) {
      expect((await json(path, { token: null })).body).toMatchObject({ message: 'Requires authentication', status: '401' });
      expect((await json(path, { token: 'ghp_nope' })).body).toMatchObject({ message: 'Bad credentials', status: '401' });
    }
  });

  it('visibility: a private repository the caller may not see is 404, for every operation and token kind', async () => {
    const { json } = testEmulator();
    for (const path of paths) {
      const hidden = path.replace(REPO, 'hubot/secret-plans').replace('/heads/main', '/heads/trunk').replace('/branches/main', '/branches/trunk');
      expect((await json(hidden)).status, hidden).toBe(404);
      expect((await json(hidden, { token: TOKENS.hubot })).status, hidden).not.toBe(404);
      expect((await json(path.replace(REPO, 'octo-org/octo-repo'), { token: TOKENS.readOnly })).status, path).toBe(404);
      expect((await json(path.replace(REPO, 'octo-org/octo-repo'), { token: TOKENS.installation })).status, path).toBe(404);
      expect((await json(path.replace(REPO, 'octo-org/octo-repo'), { token: TOKENS.monalisa })).status, path).not.toBe(404);
      expect((await json(path.replace(REPO, 'octocat/no-such-repo'))).status).toBe(404);
    }
    // A public repository is readable by any token, even one scoped to other repositories.
    expect((await json('/repos/octocat/spoon-knife', { token: TOKENS.readOnly })).status).toBe(200);
  });

  it('GET /user answers the token owner with private fields; an installation token is refused', async () => {
    const { json } = testEmulator();
    const me = (await read(json, '/user', 'users/get-authenticated', { token: TOKENS.monalisa })).body;
    expect(me).toMatchObject({ login: 'monalisa', id: 2154, type: 'User', user_view_type: 'private' });
    const refused = await json('/user', { token: TOKENS.installation });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe('Resource not accessible by integration');
  });

  it('GET /repos answers every repository the fixtures know, with the caller\'s permissions', async () => {
    const { json } = testEmulator();
    for (const [repo, token] of [['octocat/hello-world', TOKENS.octocat], ['octocat/spoon-knife', TOKENS.octocat], ['octo-org/octo-repo', TOKENS.octocat], ['hubot/secret-plans', TOKENS.hubot]] as const) {
      const body = (await read(json, `/repos/${repo}`, 'repos/get', { token })).body;
      expect(body).toMatchObject({ full_name: repo, permissions: { push: true } });
    }
    const { body } = await read(json, '/repos/OctoCat/Hello-World', 'repos/get', { token: TOKENS.hubot });
    expect(body).toMatchObject({ full_name: 'octocat/hello-world', private: false, default_branch: 'main', permissions: { push: false, pull: true } });
  });

  it('API versions: 2026-03-10 answers lack the fields its changelog removed, 2022-11-28 (the default) has them', async () => {
    const { json } = testEmulator();
    const v2026 = { 'x-github-api-version': '2026-03-10' };
    const v2022 = { 'x-github-api-version': '2022-11-28' };
    const pull26 = (await read(json, `${PULLS}/1`, 'pulls/get', { headers: v2026 })).body;
    const pull22 = (await read(json, `${PULLS}/1`, 'pulls/get', { headers: v2022 })).body;
    expect(pull26).not.toHaveProperty('merge_commit_sha');
    expect(pull26).not.toHaveProperty('assignee');
    expect(pull26.head.repo).not.toHaveProperty('has_downloads');
    expect(pull22).toMatchObject({ merge_commit_sha: null, assignee: null, head: { repo: { has_downloads: true } } });
    // The 2022-11-28 schema refuses a 2026-03-10 answer: the check really depends on the version.
    expect(spec.check('pulls/get', 200, pull26)).toMatch(/merge_commit_sha/);
    const list26 = (await read(json, PULLS, 'pulls/list', { headers: v2026 })).body;
    expect(list26[0]).not.toHaveProperty('merge_commit_sha');
    const repo26 = (await read(json, `/repos/${REPO}`, 'repos/get', { headers: v2026 })).body;
    const repo22 = (await read(json, `/repos/${REPO}`, 'repos/get', { headers: v2022 })).body;
    expect(repo26).not.toHaveProperty('has_downloads');
    expect(repo26).not.toHaveProperty('use_squash_pr_title_as_default');
    expect(repo22).toMatchObject({ has_downloads: true, use_squash_pr_title_as_default: false });
    const bad = await json(PULLS, { headers: { 'x-github-api-version': 'v3' } });
    expect(bad.status).toBe(400);
  });

  it('ETag and If-None-Match: 304 with no body, not charged to the rate limit', async () => {
    const { request } = testEmulator();
    for (const path of [...paths, '/user']) {
      const first = await request(path);
      const etag = first.headers.get('etag')!;
      expect(etag).toMatch(/^W\/"[0-9a-f]+"$/);
      const used = Number(first.headers.get('x-ratelimit-used'));
      const again = await request(path, { headers: { 'if-none-match': etag } });
      expect(again.status, path).toBe(304);
      expect(await again.text()).toBe('');
      const after = await request(path);
      expect(Number(after.headers.get('x-ratelimit-used'))).toBe(used + 1);
    }
  });

  it('rate limits: an exhausted quota is a 403 before the answer', async () => {
    const { json, request } = testEmulator();
    await request(`/_emulator/rate-limits/${TOKENS.octocat}`, { method: 'PUT', body: JSON.stringify({ remaining: 0 }), headers: { 'content-type': 'application/json' }, token: null });
    const refused = await json(PULLS);
    expect([403, 429]).toContain(refused.status);
    expect(refused.body.message).toMatch(/^API rate limit exceeded for user ID 583231\./);
    expect(refused.res.headers.get('x-ratelimit-remaining')).toBe('0');
  });

  it('other pull request operations are not emulated: GitHub\'s 404', async () => {
    const { json } = testEmulator();
    const calls: Array<[string, string]> = [
      ['POST', PULLS],
      ['PATCH', `${PULLS}/1`],
      ['PUT', `${PULLS}/1/merge`],
      ['GET', `${PULLS}/1/merge`],
      ['GET', `${PULLS}/1/reviews`],
      ['POST', `${PULLS}/1/reviews`],
      ['GET', `${PULLS}/1/files`],
      ['POST', '/graphql'],
      ['GET', `/repos/${REPO}/branches`],
    ];
    for (const [method, path] of calls) {
      const r = await json(path, { method, body: method === 'GET' ? undefined : '{}' });
      expect(r.status, `${method} ${path}`).toBe(404);
      expect(r.body).toMatchObject({ message: 'Not Found', status: '404' });
    }
  });

  it('tenants are isolated: a pull request opened in one is not in another', async () => {
    const { json, create, tenants } = testEmulator();
    await create({ prompt: 'Only in the default tenant', create_pull_request: true });
    tenants.default.clock.advance(60_000);
    const here = await walk(json, `${PULLS}?state=all&per_page=100`);
    const there = await walk(json, `/t/other${PULLS}?state=all&per_page=100`);
    expect(here.length).toBe(there.length + 1);
    expect(there.some((p) => p.title === 'Only in the default tenant')).toBe(false);
  });
});

describe('control API: merge and close', () => {
  it('merge sets merged, merged_at, closed_at, merge_commit_sha, merged_by and moves the base branch; twice is a 409', async () => {
    const { json, control, tenants } = withControl();
    const [open] = (await json(`${PULLS}?per_page=1`)).body;
    tenants.default.clock.advance(60_000);
    const merged = await control(`/repos/${REPO}/pulls/${open.number}/merge`);
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ number: open.number, state: 'closed', merged: true, draft: false, merged_at: '2026-11-01T12:01:00Z', closed_at: '2026-11-01T12:01:00Z' });
    const read2 = (await read(json, `${PULLS}/${open.number}`, 'pulls/get', { headers: { 'x-github-api-version': '2022-11-28' } })).body;
    expect(read2).toMatchObject({ state: 'closed', merged: true, merge_commit_sha: merged.body.merge_commit_sha, merged_by: { login: 'octocat' } });
    expect((await json(`/repos/${REPO}/branches/main`)).body.commit.sha).toBe(merged.body.merge_commit_sha);
    expect((await control(`/repos/${REPO}/pulls/${open.number}/merge`)).status).toBe(409);
    expect((await control(`/repos/${REPO}/pulls/${open.number}/close`)).status).toBe(409);
    expect((await control(`/repos/${REPO}/pulls/999999/merge`)).status).toBe(404);
    expect((await control(`/repos/octocat/nope/pulls/1/close`)).status).toBe(404);
    expect((await control(`/repos/${REPO}/pulls/abc/close`)).status).toBe(404);
  });

  it('close leaves it unmerged', async () => {
    const { json, control } = withControl();
    const [open] = (await json(`${PULLS}?per_page=1`)).body;
    const closed = await control(`/repos/${REPO}/pulls/${open.number}/close`);
    expect(closed.body).toMatchObject({ state: 'closed', merged: false, merged_at: null, closed_at: '2026-11-01T12:00:00Z', merge_commit_sha: null });
  });
});

describe('snapshots', () => {
  it('an exported snapshot carries the pull requests and branches, and importing it brings them back', async () => {
    const { json, control, request } = withControl();
    const [open] = (await json(`${PULLS}?per_page=1`)).body;
    await control(`/repos/${REPO}/pulls/${open.number}/merge`);
    const before = (await json(`${PULLS}?state=all&per_page=100`)).body;
    const snapshot = (await json('/_emulator/snapshot', { token: null })).body;
    expect(snapshot.work.pulls.filter((p: any) => p.repositoryId === 1296269).length).toBe(before.length);
    const put = (body: unknown) => request('/t/copy/_emulator/snapshot', { method: 'PUT', body: JSON.stringify(body), token: null, headers: { 'content-type': 'application/json' } });
    expect((await put(snapshot)).status).toBe(200);
    expect((await json(`/t/copy${PULLS}?state=all&per_page=100`)).body.map((p: any) => [p.number, p.state, p.merged_at])).toEqual(before.map((p: any) => [p.number, p.state, p.merged_at]));
    // A malformed work section is refused with a 422, never a crash.
    for (const work of [{ pulls: 'x', branches: [] }, { pulls: [{ id: 1 }], branches: [] }, { pulls: [], branches: [{ name: 'x' }] }]) {
      const refused = await put({ ...snapshot, work });
      expect(refused.status, JSON.stringify(work)).toBe(422);
    }
  });
});

function withControl() {
  const emulator = testEmulator();
  const control = (path: string) => emulator.json(`/_emulator${path}`, { method: 'POST', token: null });
  return { ...emulator, control };
}
