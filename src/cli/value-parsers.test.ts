import { describe, expect, it } from 'vitest';
import { httpUrl, integer, oneOf, text } from './value-parsers.js';

describe('value parsers', () => {
  it('integer accepts whole numbers within its range only', () => {
    const port = integer(0, 65535);
    expect(port('0')).toBe(0);
    expect(port(' 4010 ')).toBe(4010);
    expect(port('65535')).toBe(65535);
    for (const bad of ['', 'abc', '1.5', '1e3', '0x10', '-1', '65536', '4010abc', '99999999999999999999']) {
      expect(() => port(bad), bad).toThrow('an integer from 0 to 65535');
    }
  });

  it('oneOf accepts exactly the listed words', () => {
    const level = oneOf(['silent', 'info'] as const);
    expect(level('info')).toBe('info');
    expect(() => level('INFO')).toThrow('one of silent, info');
    expect(() => level('')).toThrow('one of silent, info');
  });

  it('text refuses an empty or blank value', () => {
    expect(text('./fixtures')).toBe('./fixtures');
    expect(() => text('  ')).toThrow('a non-empty value');
  });

  it('httpUrl accepts absolute http and https URLs only', () => {
    expect(httpUrl('https://ghe.example.com/api/v3')).toBe('https://ghe.example.com/api/v3');
    expect(httpUrl('http://localhost:4010')).toBe('http://localhost:4010');
    for (const bad of ['localhost:4010', '/api', 'ftp://example.com', 'not a url']) {
      expect(() => httpUrl(bad), bad).toThrow('an absolute http or https URL');
    }
  });
});
