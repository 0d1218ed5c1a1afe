import { describe, expect, it } from 'vitest';
import { COMMANDS, OPTIONS, envOf, flagOf, optionsOf } from './cli-options.js';
import { formatUsage } from './usage.js';

describe('formatUsage', () => {
  it('lists the commands and every serve option with its variables and default', () => {
    const text = formatUsage();
    for (const command of COMMANDS) expect(text).toMatch(new RegExp(`^  ${command} `, 'm'));
    for (const name of optionsOf('serve')) {
      expect(text).toContain(`--${flagOf(name)} ${OPTIONS[name].arg}`);
      expect(text).toContain(envOf(name));
    }
    expect(text).toContain('(env AGENT_TASKS_PORT, PORT; default 4010)');
    expect(text).toContain('Exit codes: 0 success, 1 failure');
  });

  it('shows only the options a command takes', () => {
    const text = formatUsage('validate');
    expect(text).toMatch(/^Usage: agent-tasks-emulator validate \[options\]/);
    expect(text).toContain('--fixtures DIR');
    expect(text).not.toContain('--port');
  });
});
