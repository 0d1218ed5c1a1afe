import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createJournal, JOURNAL_BODY_LIMIT, type JournalRecord } from './journal.js';

const T0 = Date.UTC(2026, 10, 21, 12, 0, 0);

function request(n: number, extra: Partial<JournalRecord> = {}): JournalRecord {
  return {
    atMs: T0 + n * 1000,
    method: n % 3 === 0 ? 'POST' : 'GET',
    path: `/agents/repos/octocat/hello-world/tasks/${n}`,
    pathFrom: 0,
    url: `http://127.0.0.1:4010/agents/repos/octocat/hello-world/tasks/${n}${n % 2 ? `?page=${n}` : ''}`,
    status: n % 5 === 0 ? 404 : 200,
    durationMs: n / 10,
    requestId: `ID:${n}`,
    ...extra,
  };
}

describe('request journal', () => {
  it('keeps the latest `capacity` requests, oldest first, with ids that only grow (a randomized check against a list)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }), fc.array(fc.oneof(fc.constant('clear' as const), fc.integer({ min: 1, max: 30 })), { maxLength: 8 }), (capacity, steps) => {
        const journal = createJournal(capacity);
        let model: number[] = [];
        let n = 0;
        for (const step of steps) {
          if (step === 'clear') {
            journal.clear();
            model = [];
            continue;
          }
          for (let k = 0; k < step; k++) {
            journal.record(request(++n));
            model.push(n);
          }
          model = capacity > 0 ? model.slice(-capacity) : [];
          const listed = journal.list();
          expect(listed.map((e) => e.requestId)).toEqual(model.map((m) => `ID:${m}`));
          // Ids count every request recorded, cleared or not.
          expect(listed.map((e) => e.id)).toEqual(model);
        }
      }),
    );
  });

  it('gives back every path, query and request id as recorded, long or short, in any script (a randomized check)', () => {
    const text = (maxLength: number) => fc.oneof(fc.string({ maxLength }), fc.string({ unit: 'grapheme', maxLength }));
    // A path never holds a `?`: the URL's first one starts its query.
    const pathText = (maxLength: number) => text(maxLength).map((t) => t.replaceAll('?', '/'));
    const recorded = fc.record({ prefix: pathText(12), path: pathText(300), query: text(300), requestId: text(40) });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(recorded, { maxLength: 20 }), (capacity, requests) => {
        const journal = createJournal(capacity);
        for (const r of requests) {
          const url = `http://127.0.0.1:4010${r.prefix}${r.path}${r.query ? `?${r.query}` : ''}`;
          journal.record({ ...request(1), path: `${r.prefix}${r.path}`, pathFrom: r.prefix.length, url, requestId: r.requestId });
        }
        const expected = requests.slice(-capacity).map((r) => ({ path: r.path, query: r.query ? `?${r.query}` : '', requestId: r.requestId }));
        expect(journal.list().map(({ path, query, requestId }) => ({ path, query, requestId }))).toEqual(expected);
      }),
    );
  });

  it('shows the path past a tenant prefix, the query from the URL, the time in ISO, and a fault only when one shaped the answer', () => {
    const journal = createJournal(5);
    journal.record({ ...request(1), path: '/t/team-a/agents/tasks', pathFrom: 9, url: 'http://h/t/team-a/agents/tasks?state=queued&page=2' });
    journal.record({ ...request(2), fault: { ruleId: 'slow', kind: 'latency' } });
    const [first, second] = journal.list();
    expect(first).toEqual({
      id: 1,
      method: 'GET',
      path: '/agents/tasks',
      query: '?state=queued&page=2',
      status: 200,
      durationMs: 0.1,
      requestId: 'ID:1',
      at: '2026-11-21T12:00:01.000Z',
    });
    // The control API's JSON keeps the order it always had.
    expect(Object.keys(second!)).toEqual(['id', 'method', 'path', 'query', 'status', 'durationMs', 'requestId', 'fault', 'at']);
    expect(second).toMatchObject({ query: '', fault: { ruleId: 'slow', kind: 'latency' } });
  });

  it('filters by method (any case), path prefix or exact path, and status', () => {
    const journal = createJournal(100);
    for (let n = 1; n <= 20; n++) journal.record(request(n));
    journal.record({ ...request(21), path: '/agents/tasks' });
    journal.record({ ...request(22), path: '/agents/tasks-other' });
    expect(journal.list({ method: 'post' }).map((e) => e.id)).toEqual([3, 6, 9, 12, 15, 18, 21]);
    expect(journal.list({ status: 404 }).map((e) => e.id)).toEqual([5, 10, 15, 20]);
    expect(journal.list({ path: '/agents/repos/octocat/hello-world/tasks/7' }).map((e) => e.id)).toEqual([7]);
    expect(journal.list({ path: '/agents/repos/octocat' })).toHaveLength(20);
    // A prefix matches whole segments only.
    expect(journal.list({ path: '/agents/tasks' }).map((e) => e.id)).toEqual([21]);
  });

  it('a journal of capacity 0 keeps nothing', () => {
    const journal = createJournal(0);
    journal.record(request(1));
    expect(journal.list()).toEqual([]);
  });
});

describe('request journal: headers and bodies', () => {
  const captured = (n: number, body: string | Uint8Array | null, extra: Partial<JournalRecord> = {}): JournalRecord => ({
    ...request(n),
    tenant: 'default',
    user: 'octocat',
    requestHeaders: { 'content-type': 'application/json' },
    requestBody: typeof body === 'string' ? body : null,
    responseHeaders: { 'x-github-request-id': `ID:${n}` },
    responseBody: body,
    ...extra,
  });

  it('keeps both bodies whole up to the limit, and cuts them there, saying so and giving the full size', () => {
    const journal = createJournal(5);
    journal.record(captured(1, '{"prompt":"short"}'));
    const long = `{"prompt":"${'é'.repeat(JOURNAL_BODY_LIMIT)}"}`;
    journal.record(captured(2, long));
    journal.record(captured(3, Buffer.from('x'.repeat(JOURNAL_BODY_LIMIT + 10))));
    const [short, cut, bytes] = journal.list();
    expect(short!.request).toEqual({ headers: { 'content-type': 'application/json' }, body: '{"prompt":"short"}', bodyBytes: 18, truncated: false });
    expect(cut!.request).toMatchObject({ body: long.slice(0, JOURNAL_BODY_LIMIT), truncated: true, bodyBytes: Buffer.byteLength(long) });
    expect(bytes!.response).toMatchObject({ body: 'x'.repeat(JOURNAL_BODY_LIMIT), truncated: true, bodyBytes: JOURNAL_BODY_LIMIT + 10 });
    expect(short).toMatchObject({ tenant: 'default', user: 'octocat' });
  });

  it('lets the oldest bodies go once their space is used up, keeping the entries, their headers and the newest bodies', () => {
    // Blocks of 4,000 bytes, three of them: each request's two bodies take 2,000 bytes, two to a block.
    const journal = createJournal(100, { bodies: { blockSize: 4000, maxBlocks: 3 }, headers: { blockSize: 4000, maxBlocks: 100 } });
    for (let n = 1; n <= 10; n++) journal.record(captured(n, 'b'.repeat(1000)));
    const entries = journal.list();
    expect(entries).toHaveLength(10);
    expect(entries.filter((e) => e.request!.body !== null).map((e) => e.id)).toEqual([5, 6, 7, 8, 9, 10]);
    expect(entries[0]!.request).toEqual({ headers: { 'content-type': 'application/json' }, body: null, bodyBytes: 1000, truncated: false, dropped: true });
    expect(entries[0]!.response).toMatchObject({ headers: { 'x-github-request-id': 'ID:1' }, body: null, dropped: true });
    expect(entries[9]!.response).toEqual({ headers: { 'x-github-request-id': 'ID:10' }, body: 'b'.repeat(1000), bodyBytes: 1000, truncated: false });
  });

  it('holds no more than its blocks, however many requests come and however large (a randomized check)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 3000 }), { maxLength: 60 }), (sizes) => {
        const space = { bodies: { blockSize: 4096, maxBlocks: 2 }, headers: { blockSize: 1024, maxBlocks: 2 } };
        const journal = createJournal(8, space);
        sizes.forEach((size, n) => journal.record(captured(n, 'é'.repeat(size))));
        const shown = journal.list();
        expect(shown.map((e) => e.id)).toEqual(sizes.map((_, n) => n + 1).slice(-8));
        // Whatever is shown is what was sent, whole or cut at the limit; what is gone says so.
        for (const e of shown) {
          const size = sizes[e.id - 1]!;
          expect(e.request!.bodyBytes).toBe(2 * size);
          if (e.request!.body === null) expect(e.request!.dropped).toBe(true);
          else expect(e.request!.body).toBe('é'.repeat(size));
        }
        const held = shown.reduce((sum, e) => sum + Buffer.byteLength(e.request!.body ?? '') + Buffer.byteLength(e.response!.body ?? ''), 0);
        expect(held).toBeLessThanOrEqual(2 * 4096);
      }),
    );
  });

  it('gives back headers and bodies exactly as recorded, whatever they hold (a randomized check)', () => {
    // Header names are HTTP tokens; values are byte strings without line breaks, as Node and Headers allow.
    const name = fc.stringMatching(/^[a-z0-9!#$%&'*+.^_`|~-]{1,20}$/);
    const value = fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 60 });
    const headers = fc.dictionary(name, value, { maxKeys: 8 });
    const body = fc.option(fc.string({ unit: 'grapheme', maxLength: 200 }), { nil: null });
    const message = fc.record({ headers, body }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.array(fc.record({ request: message, response: message }), { maxLength: 6 }), (requests) => {
        const journal = createJournal(10);
        requests.forEach(({ request: rq, response: rs }, n) =>
          journal.record({
            ...request(n),
            requestHeaders: rq.headers,
            requestBody: rq.body,
            responseHeaders: rs.headers,
            responseBody: rs.body,
          }),
        );
        const shown = journal.list();
        requests.forEach(({ request: rq, response: rs }, n) => {
          const entry = shown[n]!;
          if (rq.headers === undefined) expect(entry.request).toBeUndefined();
          else expect(entry.request).toEqual({ headers: rq.headers, body: rq.body ?? null, bodyBytes: rq.body == null ? 0 : Buffer.byteLength(rq.body), truncated: false });
          if (rs.headers === undefined) expect(entry.response).toBeUndefined();
          else expect(entry.response).toEqual({ headers: rs.headers, body: rs.body ?? null, bodyBytes: rs.body == null ? 0 : Buffer.byteLength(rs.body), truncated: false });
        });
      }),
    );
  });

  it('filters by user (any case) and by a substring of the request body', () => {
    const journal = createJournal(10);
    journal.record(captured(1, '{"prompt":"a","create_pull_request":true}'));
    journal.record(captured(2, '{"prompt":"b"}', { user: 'monalisa' }));
    journal.record(captured(3, null, { user: undefined }));
    expect(journal.list({ user: 'OctoCat' }).map((e) => e.id)).toEqual([1]);
    expect(journal.list({ body: '"create_pull_request":true' }).map((e) => e.id)).toEqual([1]);
    expect(journal.list({ body: 'prompt' }).map((e) => e.id)).toEqual([1, 2]);
  });
});
