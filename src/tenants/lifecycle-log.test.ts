import { describe, expect, it } from 'vitest';
import { createEmulator } from '../create-emulator.js';
import { createEmulatorFetch } from '../emulator-fetch.js';
import { formatPrettyLine } from '../support/pretty-log-line.js';

const AUTH = { authorization: 'Bearer ghp_octocatEmulatorClassicToken000000000' };

function logged(format: 'json' | 'pretty') {
  const lines: string[] = [];
  const emulator = createEmulator({ clockMode: 'manual', clockStart: Date.UTC(2026, 10, 1), logLevel: 'info', logFormat: format, logSink: (l) => lines.push(l) });
  return { lines, fetch: createEmulatorFetch({ emulator }) };
}

describe('the lifecycle log', () => {
  it('logs, beside each request, the task started with its scenario and why, each change with cause and emulator time, and the pull request', async () => {
    const { lines, fetch } = logged('json');
    const res = await fetch('http://e/t/ci/agents/repos/octocat/hello-world/tasks', { method: 'POST', headers: AUTH, body: '{"prompt":"x","create_pull_request":true}' });
    const task = (await res.json()) as { id: string };
    await fetch('http://e/t/ci/_emulator/clock/advance', { method: 'POST', body: '{"by":"1m"}' });
    const events = lines.map((l) => JSON.parse(l));
    const request = events.find((e) => e.msg === 'request' && e.method === 'POST');
    expect(request).toMatchObject({ tenant: 'ci', user: 'octocat', status: 201 });
    expect(events.find((e) => e.msg === 'task started')).toMatchObject({ tenant: 'ci', user: 'octocat', task_id: task.id, scenario: 'happy-path', chosen_by: 'default', at: '2026-11-01T00:00:00.000Z' });
    expect(events.filter((e) => e.msg === 'task state changed').map((e) => [e.from, e.to, e.cause, e.at])).toEqual([
      ['queued', 'in_progress', 'happy-path step 1 fell due on the clock', '2026-11-01T00:00:03.000Z'],
      ['in_progress', 'completed', 'happy-path step 2 fell due on the clock', '2026-11-01T00:00:33.000Z'],
    ]);
    expect(events.find((e) => e.msg === 'pull request produced')).toMatchObject({ tenant: 'ci', task_id: task.id, pull_request_id: expect.any(Number) });
  });

  it('pretty: one short line per event', async () => {
    const { lines, fetch } = logged('pretty');
    await fetch('http://e/agents/repos/octocat/hello-world/tasks', { method: 'POST', headers: AUTH, body: '{"prompt":"x"}' });
    expect(lines.some((l) => /^\d\d:\d\d:\d\d\.\d{3} task \w+ started on happy-path \(chosen by default\) in octocat\/hello-world \[default\] octocat$/.test(l))).toBe(true);
    expect(lines.some((l) => /^\d\d:\d\d:\d\d\.\d{3} POST {3}\/agents\/repos\/octocat\/hello-world\/tasks 201 \d+ms \[default\] octocat$/.test(l))).toBe(true);
    expect(lines.every((l) => !l.includes('\n') && !l.includes('\u001b'))).toBe(true);
  });

  it('colours a pretty line only when asked', () => {
    const line = formatPrettyLine(0, 'info', 'request', { method: 'GET', path: '/x', status: 503, ms: 1 }, true);
    expect(line).toContain('\u001b[31m503\u001b[0m');
    expect(formatPrettyLine(0, 'error', 'boom', { reason: 'disk' }, false)).toBe('00:00:00.000 error boom reason=disk');
  });
});
