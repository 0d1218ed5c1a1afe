import { describe, expect, it } from 'vitest';
import { createClock } from '../engine/clock.js';
import { createRateLimitBook } from './rate-limit-book.js';
import { DEFAULT_RATE_LIMIT_SETTINGS } from './rate-limit-settings.js';

const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);
const setup = () => {
  const clock = createClock({ source: () => T0, mode: 'manual' });
  return { clock, book: createRateLimitBook(clock) };
};

describe('primary rate limit', () => {
  it('opens an hour-long window with the first counted request and resets after it', () => {
    const { clock, book } = setup();
    expect(book.consume('t', 3)).toEqual({ limit: 3, used: 1, remaining: 2, reset: T0 / 1000 + 3600 });
    clock.advance(10 * 60_000);
    expect(book.consume('t', 3)).toMatchObject({ used: 2, reset: T0 / 1000 + 3600 });
    clock.advance(50 * 60_000);
    expect(book.consume('t', 3)).toMatchObject({ used: 1, reset: T0 / 1000 + 7200 });
  });

  it('shows a fresh window without opening one', () => {
    const { clock, book } = setup();
    expect(book.status('t', 10)).toMatchObject({ used: 0, remaining: 10, reset: T0 / 1000 + 3600 });
    clock.advance(60_000);
    // Still fresh: status alone did not start the hour.
    expect(book.status('t', 10).reset).toBe(T0 / 1000 + 3660);
  });

  it('gives back a refunded request and never goes below zero', () => {
    const { book } = setup();
    book.consume('t', 5);
    expect(book.refund('t', 5)).toMatchObject({ used: 0, remaining: 5 });
    expect(book.refund('t', 5)).toMatchObject({ used: 0 });
  });

  it('overrides a token limit at run time and restores the fixture one', () => {
    const { book } = setup();
    book.consume('t', 5000);
    book.setLimit('t', 2);
    expect(book.status('t', 5000)).toMatchObject({ limit: 2, used: 1, remaining: 1 });
    expect(book.hasOverride('t')).toBe(true);
    book.setLimit('t', undefined);
    expect(book.status('t', 5000)).toMatchObject({ limit: 5000, remaining: 4999 });
  });

  it('opens windows of the configured length', () => {
    const { clock, book } = setup();
    book.configure({ primary: { windowSeconds: 2 } });
    expect(book.consume('t', 3).reset).toBe(T0 / 1000 + 2);
    clock.advance(2_000);
    expect(book.consume('t', 3)).toMatchObject({ used: 1, reset: T0 / 1000 + 4 });
  });

  it('sets what is left, e.g. nothing', () => {
    const { book } = setup();
    expect(book.setRemaining('t', 100, 0)).toMatchObject({ used: 100, remaining: 0 });
    expect(book.setRemaining('t', 100, 150)).toMatchObject({ used: 0, remaining: 100 });
  });

  it('resets counts of one token or all, keeping overrides; clear forgets everything', () => {
    const { book } = setup();
    book.consume('a', 9);
    book.consume('b', 9);
    book.setLimit('a', 4);
    book.resetCounts('a');
    expect(book.status('a', 9)).toMatchObject({ limit: 4, used: 0 });
    expect(book.status('b', 9)).toMatchObject({ used: 1 });
    book.resetCounts();
    expect(book.status('b', 9)).toMatchObject({ used: 0 });
    book.configure({ primary: { status: 429 } });
    book.clear();
    expect(book.status('a', 9)).toMatchObject({ limit: 9 });
    expect(book.settings()).toEqual(DEFAULT_RATE_LIMIT_SETTINGS);
  });
});

describe('secondary limit on content creation', () => {
  const tight = { secondary: { limit: 2, windowSeconds: 60, retryAfterSeconds: 30 } };

  it('allows GitHub-like defaults: 80 a minute, then a refusal with retry-after 60', () => {
    const { book } = setup();
    for (let i = 0; i < 80; i++) expect(book.admitContent('t')).toEqual({ ok: true });
    expect(book.admitContent('t')).toEqual({ ok: false, retryAfterSeconds: 60 });
  });

  it('blocks content creation for retry-after seconds, then starts afresh', () => {
    const { clock, book } = setup();
    book.configure(tight);
    book.admitContent('t');
    book.admitContent('t');
    expect(book.admitContent('t')).toEqual({ ok: false, retryAfterSeconds: 30 });
    clock.advance(20_000);
    expect(book.admitContent('t')).toEqual({ ok: false, retryAfterSeconds: 10 });
    expect(book.secondaryStatus('t')).toEqual({ used: 0, blockedUntil: T0 + 30_000 });
    clock.advance(10_000);
    expect(book.admitContent('t')).toEqual({ ok: true });
    expect(book.admitContent('other')).toEqual({ ok: true });
  });

  it('slides its window: requests older than the window no longer count', () => {
    const { clock, book } = setup();
    book.configure(tight);
    book.admitContent('t');
    clock.advance(40_000);
    book.admitContent('t');
    clock.advance(20_001);
    expect(book.admitContent('t')).toEqual({ ok: true });
    expect(book.secondaryStatus('t').used).toBe(2);
  });

  it('can be turned off', () => {
    const { book } = setup();
    book.configure({ secondary: { limit: null } });
    for (let i = 0; i < 500; i++) expect(book.admitContent('t').ok).toBe(true);
  });

  it('forgets blocks on reset', () => {
    const { book } = setup();
    book.configure(tight);
    for (let i = 0; i < 3; i++) book.admitContent('t');
    book.resetCounts('t');
    expect(book.admitContent('t')).toEqual({ ok: true });
  });
});
