import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/start-emulator.js';
import { NOW, TOKENS } from '../support/emulator.js';

const REPO = '/agents/repos/octocat/hello-world/tasks';
const LIMIT = 4096;

/** Over real sockets, both ways a client can send a body: with a Content-Length, and chunked. */
describe('the body limit over HTTP', () => {
  let running: RunningEmulator;
  const headers = { authorization: `Bearer ${TOKENS.octocat}`, 'x-github-api-version': '2026-03-10', 'content-type': 'application/json' };
  const count = () => running.emulator.tenants.default.world.store.count();
  const chunked = (text: string) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        const bytes = new TextEncoder().encode(text);
        for (let i = 0; i < bytes.length; i += 1000) controller.enqueue(bytes.subarray(i, i + 1000));
        controller.close();
      },
    });
  const post = (body: string | ReadableStream<Uint8Array>) =>
    fetch(`${running.url}${REPO}`, { method: 'POST', headers, body, duplex: 'half' } as RequestInit);

  beforeAll(async () => {
    running = await startEmulator({ clockMode: 'manual', clockStart: NOW, maxBodyBytes: LIMIT });
  });
  afterAll(() => running.stop());

  it('a declared Content-Length over the limit: 413, GitHub-shaped, nothing created', async () => {
    const before = count();
    const res = await post(JSON.stringify({ prompt: 'x'.repeat(LIMIT) }));
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ message: 'Request body is too large', status: '413' });
    expect(count()).toBe(before);
  });

  it('a chunked body over the limit: 413 too, nothing created', async () => {
    const before = count();
    const res = await post(chunked(JSON.stringify({ prompt: 'y'.repeat(LIMIT * 3) })));
    expect(res.status).toBe(413);
    expect(count()).toBe(before);
  });

  it('bodies within the limit are read either way', async () => {
    const sized = await post(JSON.stringify({ prompt: 'Sized body' }));
    const streamed = await post(chunked(JSON.stringify({ prompt: 'Streamed body' })));
    expect([sized.status, streamed.status]).toEqual([201, 201]);
    expect(((await streamed.json()) as { name: string }).name).toBe('Streamed body');
  });
});

/**
 * The control API counts a body as it arrives too: a client streaming 10 MB slowly at a 64 KiB
 * endpoint hears 413 after a little over 64 KiB, and the rest is never read (the audit's 300 MB
 * POST was held whole before its size was checked).
 */
describe('the control API body limit over HTTP', () => {
  let running: RunningEmulator;
  beforeAll(async () => {
    running = await startEmulator({ clockMode: 'manual', clockStart: NOW });
  });
  afterAll(() => running.stop());

  const streamSlowly = (path: string, total: number) =>
    new Promise<{ status: number; sentWhenAnswered: number; body: string }>((resolve, reject) => {
      const req = httpRequest(`${running.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } });
      let sent = 0;
      let answered = false;
      req.on('response', (res) => {
        answered = true;
        const sentWhenAnswered = sent;
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, sentWhenAnswered, body }));
      });
      req.on('error', (error) => (answered ? undefined : reject(error)));
      const chunk = Buffer.alloc(16 * 1024, 'x');
      req.write('{"scenarios":["');
      const more = () => {
        if (answered || sent >= total) return void req.end();
        sent += chunk.length;
        req.write(chunk, () => setTimeout(more, 2));
      };
      more();
    });

  it.each(['/_emulator/outcomes', '/_emulator/faults', '/_emulator/clock/advance'])('%s: 413 long before 10 MB were sent', async (path) => {
    const answer = await streamSlowly(path, 10 * 1024 * 1024);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ message: expect.stringContaining('Request body is too large'), status: '413' });
    expect(answer.sentWhenAnswered).toBeLessThan(1024 * 1024);
  });

  it('a snapshot declared larger than its 128 MiB limit is refused before any of it is read', async () => {
    const answer = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${running.url}/_emulator/snapshot`, { method: 'PUT', headers: { 'content-type': 'application/json', 'content-length': 300 * 1024 * 1024 } });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', reject);
      req.write('{');
    });
    expect(answer).toBe(413);
  });
});
