// --state-file as a process: acknowledged writes survive SIGKILL. Runs src/main.ts through tsx.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanEnv, spawnCli, type CliProcess } from '../support/spawn-cli.js';
import { tempDir } from '../support/temp-dir.js';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
const AUTH = { authorization: 'Bearer ghp_octocatEmulatorClassicToken000000000', 'content-type': 'application/json' };
const started: CliProcess[] = [];
afterEach(() => {
  for (const p of started.splice(0)) if (p.child.exitCode === null) p.child.kill('SIGKILL');
});
const start = (stateFile: string) => {
  const p = spawnCli(['--import', 'tsx', MAIN, '--port', '0', '--clock', 'manual', '--clock-start', '2026-11-01T00:00:00Z', '--state-file', stateFile], { env: cleanEnv() });
  started.push(p);
  return p;
};

describe('--state-file and SIGKILL', () => {
  it('finds every acknowledged write after a SIGKILL and a restart', async () => {
    const stateFile = join(tempDir('kill-'), 'state.json');
    const first = start(stateFile);
    const url = await first.url();
    const created: string[] = [];
    for (let i = 0; i < 25; i++) {
      const tenant = i % 2 === 0 ? '' : '/t/job-b';
      const res = await fetch(`${url}${tenant}/agents/repos/octocat/hello-world/tasks`, { method: 'POST', headers: AUTH, body: JSON.stringify({ prompt: `task ${i}` }) });
      expect(res.status).toBe(201);
      created.push(`${tenant}|${((await res.json()) as { id: string }).id}`);
    }
    const advanced = await fetch(`${url}/t/job-b/_emulator/clock/advance`, { method: 'POST', body: '{"by":"1m"}' });
    expect(advanced.status).toBe(200);
    const moved = await fetch(`${url}/_emulator/tasks/${created[0]!.split('|')[1]}/state`, { method: 'POST', body: '{"state":"cancelled"}' });
    expect(moved.status).toBe(200);

    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');

    const second = start(stateFile);
    const again = await second.url();
    for (const entry of created) {
      const [tenant, id] = entry.split('|');
      const res = await fetch(`${again}${tenant}/agents/tasks/${id}`, { headers: AUTH });
      expect(res.status, entry).toBe(200);
    }
    const b = (await (await fetch(`${again}/t/job-b/agents/tasks/${created[1]!.split('|')[1]}`, { headers: AUTH })).json()) as { state: string };
    expect(b.state).toBe('completed');
    const a = (await (await fetch(`${again}/agents/tasks/${created[0]!.split('|')[1]}`, { headers: AUTH })).json()) as { state: string };
    expect(a.state).toBe('cancelled');
    expect(((await (await fetch(`${again}/t/job-b/_emulator/clock`)).json()) as { now: string }).now).toBe('2026-11-01T00:01:00.000Z');
  }, 60_000);

  it('lets one process at a time use a state file: a second is refused, naming the first', async () => {
    const stateFile = join(tempDir('lock-'), 'state.json');
    const first = start(stateFile);
    const url = await first.url();
    const kept = await fetch(`${url}/agents/repos/octocat/hello-world/tasks`, { method: 'POST', headers: AUTH, body: '{"prompt":"first one"}' });
    expect(kept.status).toBe(201);
    const second = start(stateFile);
    expect((await second.exited).code).toBe(1);
    expect(second.stderr()).toContain(`state.json: in use by another emulator (pid ${first.child.pid} on `);
    expect(second.stderr()).not.toMatch(/\n\s+at /); // one line, no stack
    // The first is unharmed and stops cleanly; then the file is free again.
    first.child.kill('SIGTERM');
    expect((await first.exited).code).toBe(0);
    const third = start(stateFile);
    const again = await third.url();
    const { id } = (await kept.json()) as { id: string };
    expect((await fetch(`${again}/agents/tasks/${id}`, { headers: AUTH })).status).toBe(200);
  }, 60_000);
});
