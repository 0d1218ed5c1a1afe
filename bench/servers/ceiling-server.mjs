// @ts-check
// The ceiling: the same @hono/node-server and Hono, one GET route answering a precomputed 30-task
// list and one POST route answering a precomputed task, nothing else (not even reading the body).
// What the emulator's full pipeline costs is measured against this.
import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { readOptions, reportReady } from './probe.mjs';

const { port, bodiesFile } = readOptions();
const bodies = bodiesFile ? JSON.parse(readFileSync(bodiesFile, 'utf8')) : { list: '{"tasks":[]}', task: '{}' };
const headers = { 'content-type': 'application/json; charset=utf-8' };
const app = new Hono();
app.get('/agents/repos/:owner/:repo/tasks', (c) => c.body(bodies.list, 200, headers));
app.post('/agents/repos/:owner/:repo/tasks', (c) => c.body(bodies.task, 201, headers));
const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => reportReady({ port: info.port }));
server.on('error', (error) => {
  console.error(error);
  process.exit(1);
});
