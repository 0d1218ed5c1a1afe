import { describe, expect, it } from 'vitest';
import { createEmulator } from '../create-emulator.js';
import type { Lifecycle } from '../engine/lifecycle.js';
import type { LogLevel } from '../support/logger.js';

const TOKEN = 'ghp_octocatEmulatorClassicToken000000000';

function emulatorLogging(logLevel: LogLevel, settle?: Lifecycle['settle']) {
  const lines: Array<{ level: string; entry: Record<string, any> }> = [];
  let now = Date.UTC(2026, 0, 1);
  const emulator = createEmulator({
    logLevel,
    timeSource: () => now,
    logSink: (line, level) => lines.push({ level, entry: JSON.parse(line) }),
  });
  // Handling a request takes 7 ms of injected time: settling moves the time source when the
  // domain asks for it, so the logged duration is a known number.
  emulator.tenants.default.world.lifecycle.settle = settle ?? (() => void (now += 7));
  return { emulator, lines };
}

describe('request log', () => {
  it('writes method, path, status, duration and the request id of each request at info', async () => {
    const { emulator, lines } = emulatorLogging('info');
    const res = await emulator.app.request('/agents/tasks?per_page=2', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.level).toBe('info');
    expect(lines[0]!.entry).toMatchObject({ msg: 'request', method: 'GET', path: '/agents/tasks', status: 200, ms: 7 });
    expect(lines[0]!.entry.request_id).toBe(res.headers.get('x-github-request-id'));
    expect(lines[0]!.entry).not.toHaveProperty('query');
  });

  it('logs error answers with their status, and never the token', async () => {
    const { emulator, lines } = emulatorLogging('info');
    await emulator.app.request('/agents/tasks', { headers: { authorization: 'Bearer ghp_notARealToken' } });
    await emulator.app.request('/t/acme/nowhere', { headers: { authorization: 'Bearer ghp_octocatEmulatorClassicToken000000000' } });
    expect(lines.map((l) => [l.entry.path, l.entry.status])).toEqual([
      ['/agents/tasks', 401],
      ['/t/acme/nowhere', 404],
    ]);
    expect(JSON.stringify(lines)).not.toContain('ghp_');
  });

  it('adds the query and user agent at debug', async () => {
    const { emulator, lines } = emulatorLogging('debug');
    await emulator.app.request('/agents/tasks?per_page=2', { headers: { authorization: `Bearer ${TOKEN}`, 'user-agent': 'probe/1' } });
    expect(lines[0]!.entry).toMatchObject({ query: '?per_page=2', user_agent: 'probe/1' });
  });

  it('is not mounted at all when silent or at error level', async () => {
    const routeCount = (level: LogLevel) => createEmulator({ logLevel: level }).app.routes.length;
    expect(routeCount('silent')).toBe(routeCount('error'));
    expect(routeCount('info')).toBe(routeCount('silent') + 1);
    const { emulator, lines } = emulatorLogging('silent');
    await emulator.app.request('/_emulator/health');
    expect(lines).toEqual([]);
  });

  it('reports an unexpected error at error level while the client gets a GitHub-shaped 500', async () => {
    const { emulator, lines } = emulatorLogging('error', () => {
      throw new Error('engine exploded');
    });
    const res = await emulator.app.request('/agents/tasks', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({ message: 'Server Error', status: '500' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'error', entry: { msg: 'unhandled error', error: 'engine exploded' } });
  });
});
