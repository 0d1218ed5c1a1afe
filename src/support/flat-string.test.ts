import { describe, expect, it } from 'vitest';
import { flatString } from './flat-string.js';

describe('flatString', () => {
  it('gives back the same text, whatever it holds', () => {
    const built = ['copilot/', 'fix-the-login-button', '-', 'a1b2'].reduce((a, b) => `${a}${b}`, '');
    for (const text of [built, '', 'short', 'ünïcödé and 🦀 crabs', 'lone \ud800 surrogate \udfff here', 'x'.repeat(10_000)]) {
      expect(flatString(text)).toBe(text);
    }
  });
});
