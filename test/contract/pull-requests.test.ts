// Where clients look for a task's work: the repository, its pull requests and branches, and the
// user. These tests only read what the target repository already has (they start no task and
// open nothing), so they run against api.github.com as well; every answer is checked against the
// official schema of the version the request selected by the suite's client.
import { describe, expect } from 'vitest';
import type { ApiClient } from './harness/api-client.js';
import { contractTest } from './harness/contract-test.js';
import { show } from './harness/expectations.js';

interface Pull {
  id: number;
  node_id: string;
  number: number;
  state: string;
  head: { ref: string; sha: string; repo: { full_name: string } | null };
  base: { ref: string };
  [field: string]: unknown;
}

const pullsPath = (api: ApiClient, target: { repo: { owner: string; repo: string } }) => `/repos/${target.repo.owner}/${target.repo.repo}/pulls`;

async function somePulls(api: ApiClient, path: string, query: Record<string, string | number> = {}): Promise<Pull[]> {
  const res = await api.get(path, { state: 'all', per_page: 5, ...query });
  expect(res.status, show(res)).toBe(200);
  return res.json as Pull[];
}

describe('pull requests, branches, the repository and the user', () => {
  contractTest('a listed pull request reads the same by its number', { runsOn: 'both', behaviour: 'pulls.get-by-number' }, async ({ api, target, skip }) => {
    const path = pullsPath(api, target);
    const pulls = await somePulls(api, path);
    if (pulls.length === 0) return skip('the repository has no pull requests');
    for (const p of pulls.slice(0, 3)) {
      const res = await api.get(`${path}/${p.number}`);
      expect(res.status, show(res)).toBe(200);
      expect(res.json).toMatchObject({ id: p.id, node_id: p.node_id, number: p.number, state: p.state, head: { ref: p.head.ref }, base: { ref: p.base.ref } });
    }
    const missing = await api.get(`${path}/999999999`);
    expect(missing.status, show(missing)).toBe(404);
  });

  contractTest('state, sort and direction outside their values are a 422', { runsOn: 'both', behaviour: 'pulls.invalid-filter' }, async ({ api, target }) => {
    for (const query of [{ state: 'merged' }, { sort: 'newest' }, { direction: 'up' }]) {
      const res = await api.get(pullsPath(api, target), query);
      expect(res.status, show(res)).toBe(422);
      expect(res.json).toMatchObject({ message: 'Validation Failed' });
    }
  });

  contractTest('the head filter in user:ref form finds a pull request by its branch', { runsOn: 'both', behaviour: 'pulls.head-filter' }, async ({ api, target, skip }) => {
    const pulls = (await somePulls(api, pullsPath(api, target))).filter((p) => p.head.repo?.full_name.toLowerCase() === `${target.repo.owner}/${target.repo.repo}`.toLowerCase());
    if (pulls.length === 0) return skip('no pull request of the repository has its head in the repository itself');
    const p = pulls[0]!;
    const found = await somePulls(api, pullsPath(api, target), { head: `${target.repo.owner}:${p.head.ref}`, per_page: 100 });
    expect(found.map((f) => f.id)).toContain(p.id);
    expect(found.every((f) => f.head.ref === p.head.ref)).toBe(true);
  });

  contractTest(
    'created desc is the default order, and pages follow GitHub’s Link convention',
    { runsOn: 'both', behaviour: 'pulls.order-and-links' },
    async ({ api, target, skip }) => {
      const pulls = await somePulls(api, pullsPath(api, target), { per_page: 100 });
      const times = pulls.map((p) => String(p.created_at));
      expect([...times].sort().reverse()).toEqual(times);
      if (pulls.length < 2) return skip('fewer than two pull requests: no second page to link to');
      const first = await api.get(pullsPath(api, target), { state: 'all', per_page: 1 });
      const link = first.headers.get('link') ?? '';
      expect(link).toMatch(/rel="next"/);
      expect(link).toMatch(/rel="last"/);
      expect(link).not.toMatch(/rel="(?:prev|first)"/);
    },
  );

  contractTest(
    'API version 2026-03-10 answers pull requests without merge_commit_sha and assignee; 2022-11-28 with them',
    { runsOn: 'both', behaviour: 'pulls.version-fields' },
    async ({ api, target, skip }) => {
      const [p] = await somePulls(api, pullsPath(api, target), { per_page: 1 });
      if (!p) return skip('the repository has no pull requests');
      const v2026 = await api.get(`${pullsPath(api, target)}/${p.number}`, {}, { headers: { 'x-github-api-version': '2026-03-10' } });
      const v2022 = await api.get(`${pullsPath(api, target)}/${p.number}`, {}, { headers: { 'x-github-api-version': '2022-11-28' } });
      expect(v2026.json).not.toHaveProperty('merge_commit_sha');
      expect(v2026.json).not.toHaveProperty('assignee');
      expect(v2022.json).toHaveProperty('merge_commit_sha');
      expect(v2022.json).toHaveProperty('assignee');
    },
  );

  contractTest(
    'the repository answers with its default branch, which reads as a branch and as a ref at the same commit',
    { runsOn: 'both', behaviour: 'repos.default-branch' },
    async ({ api, target }) => {
      const repoPath = `/repos/${target.repo.owner}/${target.repo.repo}`;
      const repo = await api.get(repoPath);
      expect(repo.status, show(repo)).toBe(200);
      const body = repo.json as { full_name: string; default_branch: string };
      expect(body.full_name.toLowerCase()).toBe(`${target.repo.owner}/${target.repo.repo}`.toLowerCase());
      const branch = await api.get(`${repoPath}/branches/${encodeURIComponent(body.default_branch)}`);
      expect(branch.status, show(branch)).toBe(200);
      const ref = await api.get(`${repoPath}/git/ref/heads/${body.default_branch}`);
      expect(ref.status, show(ref)).toBe(200);
      expect((ref.json as { object: { sha: string } }).object.sha).toBe((branch.json as { commit: { sha: string } }).commit.sha);
      const none = await api.get(`${repoPath}/branches/no-such-branch-${Date.now()}`);
      expect(none.status, show(none)).toBe(404);
    },
  );

  contractTest('GET /user answers the token’s own account', { runsOn: 'both', behaviour: 'user.authenticated' }, async ({ api }) => {
    const res = await api.get('/user');
    expect(res.status, show(res)).toBe(200);
    expect(res.json).toMatchObject({ login: expect.any(String), id: expect.any(Number), type: 'User' });
    const anonymous = await api.get('/user', {}, { token: null });
    expect(anonymous.status, show(anonymous)).toBe(401);
  });
});
