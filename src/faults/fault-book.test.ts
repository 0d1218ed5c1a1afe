import { describe, expect, it } from 'vitest';
import { createRandom } from '../support/random.js';
import { createFaultBook, type FaultRequest } from './fault-book.js';

const get = (path: string, extra: Partial<FaultRequest> = {}): FaultRequest => ({ method: 'GET', path, tenant: 'default', ...extra });
const fires = (book: ReturnType<typeof createFaultBook>, request: FaultRequest, n: number) =>
  Array.from({ length: n }, () => book.decide(request)?.rule.id ?? null);

describe('fault book', () => {
  it('fires nothing without rules', () => {
    expect(createFaultBook(createRandom(1)).decide(get('/agents/tasks'))).toBeUndefined();
  });

  it('fires an unconditioned rule on every matching request, and only those', () => {
    const book = createFaultBook(createRandom(1), [{ id: 'e', match: { method: 'post', path: '/agents/repos/*/*/tasks' }, error: { status: 502 } }]);
    const post = { ...get('/agents/repos/o/r/tasks'), method: 'POST' };
    expect(fires(book, post, 3)).toEqual(['e', 'e', 'e']);
    expect(book.decide(get('/agents/repos/o/r/tasks'))).toBeUndefined();
    expect(book.decide({ ...post, path: '/agents/tasks' })).toBeUndefined();
    expect(book.get('e')).toMatchObject({ kind: 'error', matched: 3, fired: 3 });
  });

  it('fires on a schedule: after N matching requests, so many times', () => {
    const book = createFaultBook(createRandom(1), [{ id: 'third', when: { after: 2, times: 1 }, error: { status: 500 } }]);
    expect(fires(book, get('/x'), 5)).toEqual([null, null, 'third', null, null]);
    const next2 = createFaultBook(createRandom(1), [{ id: 'n', when: { times: 2 }, connection: 'reset' }]);
    expect(fires(next2, get('/x'), 4)).toEqual(['n', 'n', null, null]);
  });

  it('fires with a probability from the seeded source, the same way for the same seed', () => {
    const run = (seed: number) => fires(createFaultBook(createRandom(seed), [{ id: 'p', when: { probability: 0.3 }, error: { status: 503 } }]), get('/x'), 400);
    const a = run(5);
    expect(run(5)).toEqual(a);
    const share = a.filter(Boolean).length / a.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.4);
  });

  it('matches on tenant and token', () => {
    const book = createFaultBook(createRandom(1), [{ id: 't', match: { tenant: 'ci', token: 'ghp_a' }, latency: { ms: 5 } }]);
    expect(book.decide(get('/x', { tenant: 'ci', token: 'ghp_b' }))).toBeUndefined();
    expect(book.decide(get('/x', { tenant: 'other', token: 'ghp_a' }))).toBeUndefined();
    expect(book.decide(get('/x', { tenant: 'ci', token: 'ghp_a' }))).toMatchObject({ kind: 'latency', delayMs: 5 });
  });

  it('lets the first rule that fires take the request; later rules do not see it', () => {
    const book = createFaultBook(createRandom(1), [
      { id: 'once', when: { times: 1 }, error: { status: 500 } },
      { id: 'always', latency: { ms: 1 } },
    ]);
    expect(fires(book, get('/x'), 3)).toEqual(['once', 'always', 'always']);
    expect(book.get('always')).toMatchObject({ matched: 2, fired: 2 });
  });

  it('gives ids, refuses a taken one, removes and clears', () => {
    const book = createFaultBook(createRandom(1));
    expect(book.add({ latency: { ms: 1 } })?.id).toBe('fault-1');
    expect(book.add({ id: 'fault-2', latency: { ms: 1 } })?.id).toBe('fault-2');
    expect(book.add({ latency: { ms: 1 } })?.id).toBe('fault-3');
    expect(book.add({ id: 'fault-1', latency: { ms: 1 } })).toBeUndefined();
    expect(book.remove('fault-2')).toBe(true);
    expect(book.remove('fault-2')).toBe(false);
    expect(book.list().map((r) => r.id)).toEqual(['fault-1', 'fault-3']);
    book.clear();
    expect(book.list()).toEqual([]);
    expect(book.decide(get('/x'))).toBeUndefined();
  });

  it('keeps its own copy of a rule, so changing the input later changes nothing', () => {
    const spec = { id: 'c', match: { path: '/a' }, error: { status: 500 } };
    const book = createFaultBook(createRandom(1), [spec]);
    spec.match.path = '/b';
    expect(book.decide(get('/a'))?.rule.id).toBe('c');
    expect(book.get('c')?.match?.path).toBe('/a');
  });
});
