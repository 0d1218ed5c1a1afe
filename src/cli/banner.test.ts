import { describe, expect, it } from 'vitest';
import type { Directory, Token } from '../model/directory.js';
import { loadFixtures } from '../fixtures/load-fixtures.js';
import { formatBanner } from './banner.js';

const builtIn = loadFixtures().directory;
const withTokens = (tokens: Token[]): Directory => ({ ...builtIn, tokens: new Map(tokens.map((t) => [t.value, t])) });
const banner = (directory: Directory, boundTo?: string) =>
  formatBanner({ url: 'http://127.0.0.1:4010', boundTo, directory, tokensFile: '/pkg/fixtures/tokens.yaml' });

describe('formatBanner', () => {
  it('says where to send requests, how to reach a tenant and which token to try', () => {
    const text = banner(builtIn);
    const octocat = [...builtIn.tokens.values()].find((t) => t.name === 'octocat')!;
    expect(text.split('\n')[0]).toBe('agent-tasks-emulator listening on http://127.0.0.1:4010');
    expect(text).toContain('http://127.0.0.1:4010/t/<name>/...');
    expect(text).toContain('http://127.0.0.1:4010/_emulator/health');
    expect(text).toContain(`${octocat.value}  (octocat; all tokens: /pkg/fixtures/tokens.yaml)`);
    expect(text).toContain(
      `curl -H "Authorization: Bearer ${octocat.value}" -H "X-GitHub-Api-Version: 2026-03-10" http://127.0.0.1:4010/agents/tasks`,
    );
  });

  it('mentions the bound address when it differs from the URL, and warns when other machines can reach it', () => {
    const open = banner(builtIn, '0.0.0.0');
    expect(open.split('\n')[0]).toBe('agent-tasks-emulator listening on http://127.0.0.1:4010 (bound to 0.0.0.0)');
    expect(open).toContain('network  bound to 0.0.0.0 (--host or HOST): other machines can reach it, and the built-in tokens are public');
    expect(banner(builtIn, '127.0.0.2')).not.toContain('network');
    expect(banner(builtIn)).not.toContain('network');
  });

  it('says how tenants are made: by a first valid request, or through the control API when guarded', () => {
    expect(banner(builtIn)).toContain('made by its first request with a valid token');
    const guarded = formatBanner({ url: 'http://127.0.0.1:4010', directory: builtIn, tokensFile: 't', controlToken: true });
    expect(guarded).toContain('made by POST http://127.0.0.1:4010/t/<name>/_emulator/reset with the control token');
  });

  it('falls back to a token that can list tasks, and to none rather than a useless one', () => {
    const tokens = [...builtIn.tokens.values()];
    const fineGrained = tokens.find((t) => t.name === 'octocatReadWrite')!;
    const installation = tokens.find((t) => t.kind === 'installation')!;
    const noAccess = tokens.find((t) => t.name === 'octocatNoAgentTasks')!;
    expect(banner(withTokens([installation, noAccess, fineGrained]))).toContain(`Bearer ${fineGrained.value}`);
    const none = banner(withTokens([installation, noAccess]));
    expect(none).not.toContain('Bearer');
    expect(none).toContain('/_emulator/health');
  });
});

describe('formatBanner: what would surprise a user', () => {
  const base = { url: 'http://127.0.0.1:4010', directory: builtIn, tokensFile: 'tokens.yaml' };
  it('says the clock is frozen, what a state file brought back, and which fault rules are loaded', () => {
    const text = formatBanner({
      ...base,
      clock: { mode: 'manual', now: Date.UTC(2026, 10, 1), scale: 0 },
      stateFile: { path: 'state.json', tenants: 2, tasks: 130 },
      faultRules: ['slow', 'flaky'],
    });
    expect(text).toContain('clock    MANUAL, frozen at 2026-11-01T00:00:00.000Z: tasks stay where they are until POST /_emulator/clock/advance');
    expect(text).toContain('state    restored from state.json: 130 tasks in 2 tenants');
    expect(text).toContain('faults   2 fault rules loaded (slow, flaky)');
    expect(text).toContain('ui       http://127.0.0.1:4010/_emulator/ui');
  });
  it('says nothing of a real clock, no state file or no rules', () => {
    const text = formatBanner({ ...base, clock: { mode: 'real', now: 0, scale: 1 }, faultRules: [] });
    expect(text).not.toMatch(/clock|state |faults/);
    expect(formatBanner({ ...base, clock: { mode: 'scaled', now: 0, scale: 60 } })).toContain('clock    scaled x60: an hour of scenario passes in 60 s');
    expect(formatBanner({ ...base, stateFile: { path: 's.json' } })).toContain('state    s.json: new');
  });
});
