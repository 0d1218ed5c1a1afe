import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../start-emulator.js';
import { runContractCommand, VITEST_MISSING } from './run-contract-command.js';
import type { ParityReport } from './parity-report.js';

function collect() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

describe('runContractCommand', () => {
  const dir = mkdtempSync(join(tmpdir(), 'contract-command-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints its usage for --help and exits 0', async () => {
    const { io, out } = collect();
    expect(await runContractCommand(['--help'], {}, { io })).toBe(0);
    expect(out.join('')).toContain('--base-url URL');
  });

  it('exits 2 with the reason and the usage on bad arguments', async () => {
    const { io, err } = collect();
    expect(await runContractCommand(['--target', 'github'], {}, { io })).toBe(2);
    expect(err.join('')).toMatch(/--token .* is required[\s\S]*Usage:/);
  });

  it('explains how to get vitest when it is not installed, and exits 2', async () => {
    const { io, err } = collect();
    expect(await runContractCommand(['--out', join(dir, 'none')], {}, { io, loadVitest: async () => undefined })).toBe(2);
    expect(err.join('')).toBe(VITEST_MISSING);
  });

  describe('against running emulators', () => {
    let faithful: RunningEmulator;
    let githubLinks: RunningEmulator;
    beforeAll(async () => {
      faithful = await startEmulator({ port: 0, controlToken: 'c0ntrol' });
      // A deliberate divergence: GitHub's general Link convention instead of the description's.
      githubLinks = await startEmulator({ port: 0, linkStyle: 'github' });
    });
    afterAll(async () => {
      await faithful.stop();
      await githubLinks.stop();
    });

    it('writes report.md, report.json and junit.xml and exits 0 when every behaviour holds', async () => {
      const out = join(dir, 'pass');
      const { io } = collect();
      const health = async () =>
        (await (await fetch(`${faithful.url}/_emulator/health`, { headers: { 'x-emulator-control-token': 'c0ntrol' } })).json()) as { tasks: number };
      const defaultTasks = (await health()).tasks;
      const args = ['--base-url', faithful.url, '--control-token', 'c0ntrol', '--out', out];
      expect(await runContractCommand(args, {}, { io, consoleReporter: false, runId: 'pass1' })).toBe(0);
      const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as ParityReport;
      expect(report.result).toBe('passed');
      // Its own tenant: the default one, which other users of a shared emulator see, is untouched.
      expect(report.target).toEqual({ kind: 'emulator', url: `${faithful.url}/t/contract-pass1`, repo: 'octocat/hello-world' });
      expect((await health()).tasks).toBe(defaultTasks);
      expect(faithful.emulator.tenants.default.journal.list()).toEqual([]);
      expect(report.counts.fail).toBe(0);
      expect(report.counts.pass).toBeGreaterThan(40);
      expect(report.rows.find((r) => r.behaviour === 'github.no-control-api')).toMatchObject({ result: 'not applicable', reason: 'GitHub only' });
      expect(report.rows.find((r) => r.behaviour === 'auth.bad-credentials')?.result).toBe('pass');
      expect(report.startedTasks.length).toBeGreaterThan(0);
      expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('| `list.sort` |');
      expect(readFileSync(join(out, 'junit.xml'), 'utf8')).toMatch(/<testsuites[^>]* failures="0"/);
    }, 120_000);

    it('exits 2 and asks for the control token when a guarded emulator refuses to make its tenant', async () => {
      const { io, err } = collect();
      expect(await runContractCommand(['--base-url', faithful.url, '--out', join(dir, 'refused')], {}, { io, consoleReporter: false, runId: 'nok' })).toBe(2);
      expect(err.join('')).toContain(`${faithful.url}/t/contract-nok/_emulator/reset answered 401: the emulator needs its control token (--control-token, or CONTRACT_CONTROL_TOKEN)`);
    });

    it('exits 1 and names the broken behaviour when the target diverges', async () => {
      const out = join(dir, 'fail');
      const { io } = collect();
      expect(await runContractCommand(['--base-url', githubLinks.url, '--out', out], {}, { io, consoleReporter: false })).toBe(1);
      const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as ParityReport;
      expect(report.result).toBe('failed');
      expect([...new Set(report.rows.filter((r) => r.result === 'fail').map((r) => r.behaviour))]).toEqual(['list.link-description-style']);
      expect(readFileSync(join(out, 'junit.xml'), 'utf8')).toMatch(/<failure/);
    }, 120_000);
  });
});
