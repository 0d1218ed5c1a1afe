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
