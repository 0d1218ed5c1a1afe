// @ts-check
// The least a faithful create does on the bare stack, for bench/create-budget.ts: read and parse the
// body, check the prompt, make and keep a task with a session, answer it as the emulator does (the
// same fields and GitHub's headers). None of the emulator's own work: no tokens, tenants, rate
// limits, faults, journal, lifecycle, history, indexes or pull requests.
import { randomUUID } from 'node:crypto';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { readOptions, reportReady } from './probe.mjs';

const { port } = readOptions();
const app = new Hono();
const tasks = new Map();
let used = 0;
app.post('/agents/repos/:owner/:repo/tasks', async (c) => {
  const body = await c.req.json();
  if (typeof body?.prompt !== 'string') return c.json({ message: 'Validation Failed' }, 422);
  const owner = c.req.param('owner');
  const repo = c.req.param('repo');
  const id = randomUUID();
  const now = Date.now();
  const name = body.prompt.split('\n')[0];
  tasks.set(id, { id, name, owner, repo, state: 'queued', createPullRequest: body.create_pull_request === true, createdAt: now, updatedAt: now, sessions: [{ id: randomUUID(), prompt: body.prompt, state: 'queued', createdAt: now }] });
  const at = new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const url = `http://127.0.0.1:${port}/agents/repos/${owner}/${repo}/tasks/${id}`;
  used++;
  const text = JSON.stringify({ id, url, html_url: `https://github.com/${owner}/${repo}/copilot/tasks/${id}`, name, creator: { id: 583231 }, creator_type: 'user', user_collaborators: [], owner: { id: 583231 }, repository: { id: 1296269 }, state: 'queued', session_count: 1, artifacts: [], archived_at: null, updated_at: at, created_at: at });
  return c.body(text, 201, {
    'content-type': 'application/json; charset=utf-8',
    location: url,
    'x-github-api-version-selected': '2026-03-10',
    'x-github-media-type': 'github.v3; format=json',
    'x-github-request-id': `F1A9:${used.toString(16).toUpperCase()}`,
    'x-ratelimit-limit': '1000000000',
    'x-ratelimit-remaining': String(1_000_000_000 - used),
    'x-ratelimit-reset': String(Math.floor(now / 1000) + 3600),
    'x-ratelimit-resource': 'core',
    'x-ratelimit-used': String(used),
  });
});
const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => reportReady({ port: info.port }));
server.on('error', (error) => {
  console.error(error);
  process.exit(1);
});
