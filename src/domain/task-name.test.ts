import { describe, expect, it } from 'vitest';
import { branchNameFor, deriveTaskName } from './task-name.js';

describe('deriveTaskName', () => {
  it('takes the first non-empty line with white space folded', () => {
    expect(deriveTaskName('\n\n  Fix   the\tlogin button  \nmore detail')).toBe('Fix the login button');
  });

  it('folds a lone white-space character other than a space', () => {
    expect(deriveTaskName('Fix\u00a0the login\tbutton')).toBe('Fix the login button');
    expect(deriveTaskName('Fix the login button')).toBe('Fix the login button');
  });

  it('cuts long lines at a word boundary with an ellipsis', () => {
    const name = deriveTaskName(`Refactor ${'module '.repeat(30)}`);
    expect(name.length).toBeLessThanOrEqual(80);
    expect(name.endsWith('module…')).toBe(true);
  });

  it('makes Copilot-style branch names', () => {
    expect(branchNameFor('Fix the Login button!', 'ab12')).toBe('copilot/fix-the-login-button-ab12');
    expect(branchNameFor('!!!', 'x')).toBe('copilot/task-x');
  });
});
