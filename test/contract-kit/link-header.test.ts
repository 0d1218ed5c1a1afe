import { describe, expect, it } from 'vitest';
import { checkLinkHeader, linksByRel, parseLinkHeader } from '../contract/harness/link-header.js';

const list = new URL('https://api.github.com/agents/tasks?per_page=2');

describe('parseLinkHeader', () => {
  it('reads GitHub-style entries, commas in queries included', () => {
    const header = '<https://api.github.com/agents/tasks?page=2&state=queued,failed>; rel="next", <https://api.github.com/agents/tasks?page=1>; rel="first"';
    const parsed = parseLinkHeader(header);
    expect('entries' in parsed && parsed.entries.map((e) => [e.rel, e.url.searchParams.get('state')])).toEqual([
      ['next', 'queued,failed'],
      ['first', null],
    ]);
    expect(linksByRel(header).get('first')?.searchParams.get('page')).toBe('1');
  });

  it.each([
    ['a relative URL', '</agents/tasks?page=2>; rel="next"', /not an absolute URL/],
    ['a missing rel', '<https://api.github.com/agents/tasks?page=2>', /malformed entry/],
    ['an unquoted rel', '<https://api.github.com/agents/tasks?page=2>; rel=next', /malformed entry/],
    ['text between entries', '<https://a.test/x>; rel="next" junk <https://a.test/y>; rel="first"', /malformed|not a list/],
    ['no entries', 'rel="next"', /not a list/],
  ])('reports %s', (_label, header, problem) => {
    const parsed = parseLinkHeader(header);
    expect('problem' in parsed && parsed.problem).toMatch(problem);
  });
});

describe('checkLinkHeader', () => {
  it('accepts links on the same API, in the path form GitHub uses on other endpoints too', () => {
    expect(checkLinkHeader('<https://api.github.com/agents/tasks?page=2&per_page=2>; rel="next", <https://api.github.com/agents/tasks?page=1&per_page=2>; rel="first"', list)).toEqual([]);
    expect(checkLinkHeader('<https://api.github.com/repositories/1296269/agents/tasks?page=2>; rel="next"', list)).toEqual([]);
  });

  it.each([
    ['another origin', '<http://localhost:4010/agents/tasks?page=2>; rel="next"', /not on the API that answered/],
    ['an unknown rel', '<https://api.github.com/agents/tasks?page=2>; rel="after"', /unexpected rel="after"/],
    ['a repeated rel', '<https://api.github.com/agents/tasks?page=2>; rel="next", <https://api.github.com/agents/tasks?page=3>; rel="next"', /appears twice/],
    ['page zero', '<https://api.github.com/agents/tasks?page=0>; rel="first"', /page=0/],
  ])('rejects %s', (_label, header, problem) => {
    expect(checkLinkHeader(header, list).join('\n')).toMatch(problem);
  });
});
