import { describe, expect, it } from 'vitest';
import { createRandom } from '../support/random.js';
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

  it('agrees with folding the lines of a split prompt, on random prompts of text, blanks and line ends', () => {
    const plain = (prompt: string) => {
      let line = '';
      for (const raw of prompt.split(/\r?\n/)) if ((line = raw.replace(/\s+/g, ' ').trim()).length > 0) break;
      return line;
    };
    const random = createRandom(4);
    const alphabet = ['a', 'B', ' ', '  ', '\t', '\n', '\r', '\r\n', '\u00a0', 'é', '😀', 'word'];
    for (let i = 0; i < 3_000; i++) {
      const prompt = Array.from({ length: random.int(0, 20) }, () => random.pick(alphabet)).join('');
      const expected = plain(prompt);
      // Names over 80 characters are cut (tested above); these prompts stay under it.
      expect(deriveTaskName(prompt)).toBe(expected);
    }
  });

  it('makes Copilot-style branch names', () => {
    expect(branchNameFor('Fix the Login button!', 'ab12')).toBe('copilot/fix-the-login-button-ab12');
    expect(branchNameFor('!!!', 'x')).toBe('copilot/task-x');
  });
});

describe('branchNameFor, against the plain definition', () => {
  // Lower-cased, runs of anything but [a-z0-9] as one dash, dashes trimmed, cut to 40, trimmed again.
  const plain = (name: string, suffix: string) =>
    `copilot/${
      name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 40)
        .replace(/-+$/, '') || 'task'
    }-${suffix}`;

  it('agrees on random names of letters, digits, punctuation, spaces and unicode', () => {
    const random = createRandom(9);
    const alphabet = ['a', 'Z', '7', '-', ' ', '!', '.', 'é', '😀', '_', 'q'];
    for (let i = 0; i < 3_000; i++) {
      const name = Array.from({ length: random.int(0, 90) }, () => random.pick(alphabet)).join('');
      expect(branchNameFor(name, 'ab12')).toBe(plain(name, 'ab12'));
    }
  });
});
