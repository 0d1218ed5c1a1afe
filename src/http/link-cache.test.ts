import { describe, expect, it } from 'vitest';
import { createLinkCache } from './link-cache.js';

describe('link cache', () => {
  it('makes a Link once per URL and count, and again when the count changes', () => {
    const cache = createLinkCache();
    const made: string[] = [];
    const make = (link: string | undefined) => () => (made.push(String(link)), link);
    expect(cache.get('http://h/a?page=2', 90, make('<x>; rel="next"'))).toBe('<x>; rel="next"');
    expect(cache.get('http://h/a?page=2', 90, make('other'))).toBe('<x>; rel="next"');
    expect(cache.get('http://h/a?page=2', 31, make('<y>; rel="last"'))).toBe('<y>; rel="last"');
    // No header at all is remembered too.
    expect(cache.get('http://h/b', 3, make(undefined))).toBeUndefined();
    expect(cache.get('http://h/b', 3, make('never'))).toBeUndefined();
    expect(made).toEqual(['<x>; rel="next"', '<y>; rel="last"', 'undefined']);
  });

  it('keeps at most its capacity of URLs', () => {
    const cache = createLinkCache(2);
    let calls = 0;
    const make = () => String(++calls);
    cache.get('u1', 1, make);
    cache.get('u2', 1, make);
    cache.get('u3', 1, make);
    expect(cache.get('u3', 1, make)).toBe('3');
    expect(cache.get('u1', 1, make)).toBe('4');
  });
});
