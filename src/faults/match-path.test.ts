import { describe, expect, it } from 'vitest';
import { compilePathRegex, globToRegExp } from './match-path.js';

describe('globToRegExp', () => {
  it('keeps * within one segment', () => {
    const re = globToRegExp('/agents/repos/*/*/tasks');
    expect(re.test('/agents/repos/octocat/hello-world/tasks')).toBe(true);
    expect(re.test('/agents/repos/octocat/hello-world/tasks/123')).toBe(false);
    expect(re.test('/agents/repos/octocat/tasks')).toBe(false);
  });

  it('lets ** cross segments', () => {
    const re = globToRegExp('/agents/**');
    expect(re.test('/agents/tasks')).toBe(true);
    expect(re.test('/agents/repos/o/r/tasks/1')).toBe(true);
    expect(re.test('/rate_limit')).toBe(false);
  });

  it('matches ? as one character and everything else literally, ignoring case', () => {
    expect(globToRegExp('/agents/tasks/?').test('/agents/tasks/7')).toBe(true);
    expect(globToRegExp('/agents/tasks/?').test('/agents/tasks/77')).toBe(false);
    expect(globToRegExp('/rate_limit').test('/rate-limit')).toBe(false);
    expect(globToRegExp('/a.b').test('/axb')).toBe(false);
    expect(globToRegExp('/agents/repos/OctoCat/*/tasks').test('/agents/repos/octocat/x/tasks')).toBe(true);
  });
});

describe('compilePathRegex', () => {
  it('compiles a regular expression that ignores case and is not anchored for you', () => {
    const re = compilePathRegex('/tasks/[0-9a-f-]+$');
    expect(re).toBeInstanceOf(RegExp);
    expect((re as RegExp).test('/agents/tasks/ABC-123')).toBe(true);
  });

  it('explains a pattern that does not compile', () => {
    expect(typeof compilePathRegex('([')).toBe('string');
  });
});
