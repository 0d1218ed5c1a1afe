import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/start-emulator.js';
import { NOW, TOKENS } from '../support/emulator.js';

/** A client that hangs up halfway through its body is no error of the emulator's. */
describe('a client hanging up mid-body', () => {
  let running: RunningEmulator;
  const errors: unknown[] = [];
  beforeAll(async () => {
    running = await startEmulator({ clockMode: 'manual', clockStart: NOW, logError: (e) => errors.push(e) });
  });
  afterAll(() => running.stop());

  it.each([
    ['the API', '/agents/repos/octocat/hello-world/tasks'],
    ['the control API', '/_emulator/outcomes'],
  ])('on %s: nothing is logged as an error and nothing is created', async (_where, path) => {
    const before = running.emulator.tenants.default.world.store.count();
    const { port } = new URL(running.url);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(
      `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TOKENS.octocat}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"prompt":"half`,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();
    // The server notices the hang-up and finishes with the request.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(errors).toEqual([]);
    expect(running.emulator.tenants.default.world.store.count()).toBe(before);
    expect((await fetch(`${running.url}/_emulator/health`)).status).toBe(200);
  });
});
