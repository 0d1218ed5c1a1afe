import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createControlClient, RequestAssertionError } from '../../control-client.js';
import { createEmulator } from '../../create-emulator.js';
import { createEmulatorFetch } from '../../emulator-fetch.js';
import { startEmulator } from '../../start-emulator.js';
import { redactAuthorization } from '../shared/capture-exchange.js';

const CLASSIC = 'ghp_octocatEmulatorClassicToken000000000';
const HEADERS = { authorization: `Bearer ${CLASSIC}`, 'x-github-api-version': '2026-03-10', 'content-type': 'application/json' };
const REPO = 'http://emulator.test/agents/repos/octocat/hello-world/tasks';

function setup() {
  const emulator = createEmulator({ clockMode: 'manual', clockStart: Date.UTC(2026, 10, 1) });
  const fetch = createEmulatorFetch({ emulator });
  return { fetch, control: createControlClient({ baseUrl: 'http://emulator.test', fetch }) };
}

describe('the journal keeps what the client sent and what it was answered', () => {
  it('keeps headers with Authorization redacted to the token kind and user, both bodies, the user and the tenant', async () => {
    const { fetch, control } = setup();
    const sent = JSON.stringify({ prompt: 'Add a guide', create_pull_request: true });
    // Pairs: a header named __proto__ in an object would be taken for its prototype on the way.
    const headers = [...Object.entries(HEADERS), ['x-emulator-control-token', 'secret'], ['__proto__', 'a header like any other']] as Array<[string, string]>;
    const res = await fetch(`${REPO}?x=1`, { method: 'POST', headers, body: sent });
    const answer = await res.text();
    const [entry] = await control.journal({ method: 'POST' });
    expect(entry).toMatchObject({ method: 'POST', path: '/agents/repos/octocat/hello-world/tasks', query: '?x=1', status: 201, user: 'octocat', tenant: 'default' });
    expect(entry!.request!.headers).toMatchObject({
      authorization: 'Bearer [redacted classic token of octocat]',
      'x-github-api-version': '2026-03-10',
      'x-emulator-control-token': '[redacted]',
    });
    // A header named __proto__ is kept as a header, not taken for the object's prototype.
    expect(Object.getOwnPropertyDescriptor(entry!.request!.headers, '__proto__')?.value).toBe('a header like any other');
    expect(JSON.stringify(entry)).not.toContain(CLASSIC);
    expect(entry!.request).toMatchObject({ body: sent, bodyBytes: sent.length, truncated: false });
    expect(entry!.response).toMatchObject({ body: answer, truncated: false });
    expect(entry!.response!.headers).toMatchObject({ 'content-type': 'application/json; charset=utf-8', 'x-github-request-id': res.headers.get('x-github-request-id') });
  });

  it('reads the headers from the socket over real HTTP as in process: the same names, values and redaction', async () => {
    const running = await startEmulator({ clockMode: 'manual', clockStart: Date.UTC(2026, 10, 1) });
    try {
      const res = await globalThis.fetch(`${running.url}/agents/repos/octocat/hello-world/tasks`, {
        method: 'POST',
        headers: { ...HEADERS, 'x-emulator-control-token': 'secret', 'X-Custom-Thing': 'kept as sent' },
        body: JSON.stringify({ prompt: 'Over a socket' }),
      });
      expect(res.status).toBe(201);
      const [entry] = running.emulator.tenants.default.journal.list({ method: 'POST' });
      expect(entry!.request!.headers).toMatchObject({
        authorization: 'Bearer [redacted classic token of octocat]',
        'x-github-api-version': '2026-03-10',
        'x-emulator-control-token': '[redacted]',
        'x-custom-thing': 'kept as sent',
        'content-type': 'application/json',
      });
      expect(JSON.stringify(entry)).not.toContain(CLASSIC);
    } finally {
      await running.stop();
    }
  });

  it('over a socket keeps the headers Node\'s own object loses: every value of a repeated one, and one named __proto__', async () => {
    const running = await startEmulator({ clockMode: 'manual', clockStart: Date.UTC(2026, 10, 1) });
    try {
      const { hostname, port } = new URL(running.url);
      // Written by hand: fetch itself drops a header named __proto__.
      const head = ['GET /agents/tasks HTTP/1.1', `Host: ${hostname}:${port}`, `Authorization: Bearer ${CLASSIC}`, 'User-Agent: first', 'user-agent: second', 'X-Trace: a', 'x-trace: b', '__proto__: a header like any other', 'Connection: close'];
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), hostname, () => socket.end(`${head.join('\r\n')}\r\n\r\n`));
        let text = '';
        socket.on('data', (chunk) => (text += chunk));
        socket.on('end', () => resolve(text));
        socket.on('error', reject);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 200 /);
      const [entry] = running.emulator.tenants.default.journal.list({ path: '/agents/tasks' });
      const headers = entry!.request!.headers;
      expect(headers).toMatchObject({ authorization: 'Bearer [redacted classic token of octocat]', 'user-agent': 'first, second', 'x-trace': 'a, b' });
      expect(Object.getOwnPropertyDescriptor(headers, '__proto__')?.value).toBe('a header like any other');
      expect(Object.getPrototypeOf(headers)).toBe(Object.prototype);
    } finally {
      await running.stop();
    }
  });

  it('redacts a token it does not know to its kind, and a request without one has no user', async () => {
    const { fetch, control } = setup();
    await fetch('http://emulator.test/agents/tasks', { headers: { authorization: 'token github_pat_unknown' } });
    await fetch('http://emulator.test/agents/tasks');
    const [unknown, none] = await control.journal();
    expect(unknown!.request!.headers.authorization).toBe('token [redacted fine_grained token unknown to the emulator]');
    expect(unknown).toMatchObject({ status: 401 });
    expect(unknown!.user).toBeUndefined();
    expect(none!.request!.headers.authorization).toBeUndefined();
    expect(redactAuthorization('Basic')).toBe('Basic [redacted]');
  });

  it('cuts a large body at the documented limit', async () => {
    const { fetch, control } = setup();
    const prompt = 'p'.repeat(20_000);
    await fetch(REPO, { method: 'POST', headers: HEADERS, body: JSON.stringify({ prompt }) });
    const [entry] = await control.journal();
    expect(entry!.request).toMatchObject({ truncated: true, bodyBytes: prompt.length + 13 });
    expect(entry!.request!.body).toHaveLength(8192);
  });

  it('filters by method, path, status, user and body over HTTP, and refuses a bad status', async () => {
    const { fetch, control } = setup();
    await fetch(REPO, { method: 'POST', headers: HEADERS, body: '{"prompt":"one","create_pull_request":true}' });
    await fetch(REPO, { method: 'POST', headers: { ...HEADERS, authorization: 'Bearer ghp_monalisaEmulatorClassicToken00000000' }, body: '{"prompt":"two"}' });
    await fetch(`${REPO}/nope`, { headers: HEADERS });
    expect((await control.journal({ user: 'monalisa' })).map((e) => e.request!.body)).toEqual(['{"prompt":"two"}']);
    expect((await control.journal({ body: 'create_pull_request' })).map((e) => e.user)).toEqual(['octocat']);
    expect((await control.journal({ status: 404 })).map((e) => e.path)).toEqual(['/agents/repos/octocat/hello-world/tasks/nope']);
    expect(await control.journal({ method: 'POST', path: '/agents/repos/octocat/hello-world/tasks', user: 'octocat' })).toHaveLength(1);
    const bad = await fetch('http://emulator.test/_emulator/journal?status=abc');
    expect(bad.status).toBe(422);
  });

  it('expectOneRequest: exactly one POST whose body had create_pull_request: true, in one call', async () => {
    const { fetch, control } = setup();
    await fetch(REPO, { method: 'POST', headers: HEADERS, body: '{"prompt":"one", "create_pull_request": true}' });
    await fetch(REPO, { method: 'POST', headers: HEADERS, body: '{"prompt":"two","create_pull_request":false}' });
    const entry = await control.expectOneRequest({ method: 'POST', body: { create_pull_request: true } });
    expect(entry.request!.body).toContain('"one"');
    // Two match: the error says how many and shows them.
    const error = await control.expectOneRequest({ method: 'POST', body: 'prompt' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestAssertionError);
    expect((error as Error).message).toMatch(/found 2:\n {2}POST \/agents\/repos\/octocat\/hello-world\/tasks -> 201/);
    await expect(control.expectOneRequest({ method: 'POST', body: { prompt: 'three' } })).rejects.toThrow(/found 0$/);
  });
});
