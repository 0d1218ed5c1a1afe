import { ByteBlocks, nowhere, type Place } from './byte-blocks.js';

/** One API request as the journal keeps it. */
export interface JournalEntry {
  id: number;
  method: string;
  path: string;
  query: string;
  status: number;
  durationMs: number;
  requestId: string;
  /** Set when a fault rule shaped the answer. */
  fault?: { ruleId: string; kind: string };
  /** Tenant clock time of the request (ISO). */
  at: string;
  tenant?: string;
  /** Login of the token's user; absent when the request had no token the fixtures know. */
  user?: string;
  request?: CapturedMessage;
  response?: CapturedMessage;
}

/** Headers and body of a request or an answer, the body cut at JOURNAL_BODY_LIMIT characters. */
export interface CapturedMessage {
  headers: Record<string, string>;
  /** null when there was none, or it was not read (a request refused before its body was read). */
  body: string | null;
  /** The whole body's size in bytes, before any cut. */
  bodyBytes: number;
  /** The body was cut at the limit. */
  truncated: boolean;
  /** The body (and, only once their own space is used up, the headers) was let go to keep the journal within its space (JOURNAL_BODY_BYTES). */
  dropped?: boolean;
}

export interface JournalFilter {
  method?: string;
  /** A path prefix, or an exact path. */
  path?: string;
  status?: number;
  /** The login of the token's user, any case. */
  user?: string;
  /** A substring of the request body (of the part kept: JOURNAL_BODY_LIMIT). */
  body?: string;
}

/** What the journal is told of a request. */
export interface JournalRecord {
  atMs: number;
  method: string;
  /** The request's path, and where its journaled part starts (after a /t/{tenant} prefix). */
  path: string;
  pathFrom: number;
  /** The request's URL; the entry's query is its part from `?`. */
  url: string;
  status: number;
  durationMs: number;
  requestId: string;
  fault?: { ruleId: string; kind: string };
  tenant?: string;
  user?: string;
  /** Headers as they should be shown (Authorization already redacted: http/capture-exchange.ts). */
  requestHeaders?: Record<string, string>;
  requestBody?: string | null;
  responseHeaders?: Record<string, string>;
  responseBody?: string | Uint8Array | null;
}

/** Each body is kept up to this many characters (UTF-16 code units; bytes for an answer sent as bytes): docs/dashboard.md. */
export const JOURNAL_BODY_LIMIT = 8 * 1024;

/**
 * What a tenant's journal keeps of headers and bodies, in blocks made as needed (byte-blocks.ts).
 * Past these, the oldest requests lose their bodies (method, path, status and, unless their own
 * space is used up too, headers stay): bodies up to 1 MiB, headers up to 2 MiB, with each
 * request's slot on the heap (about 800 bytes with its path and request id) on top.
 */
export const JOURNAL_BODY_BYTES = { blockSize: 64 * 1024, maxBlocks: 16 };
export const JOURNAL_HEADER_BYTES = { blockSize: 32 * 1024, maxBlocks: 64 };

export interface JournalSpace {
  bodies: { blockSize: number; maxBlocks: number };
  headers: { blockSize: number; maxBlocks: number };
}

/** A bounded request journal: the oldest entries fall off once `capacity` is reached. */
export interface Journal {
  record(entry: JournalRecord): void;
  list(filter?: JournalFilter): JournalEntry[];
  clear(): void;
  readonly capacity: number;
  /** Entries held now (without reading them). */
  readonly size: number;
}

/**
 * One request as the journal holds it: what filters read as plain values, and where its headers
 * and bodies are in the journal's blocks. Slots are made once and written over when the ring comes
 * round, so keeping a request makes no object that must outlive it (docs/performance.md).
 */
/** The entry's plain members, each slot always holding every one (a slot keeps one shape). */
type PlainMembers = Pick<JournalEntry, 'id' | 'method' | 'path' | 'query' | 'status' | 'durationMs' | 'requestId'> & {
  [K in 'fault' | 'tenant' | 'user']-?: JournalEntry[K] | undefined;
};

interface Slot extends PlainMembers {
  /** The entry's `at`, kept as epoch ms and formatted when read. */
  atMs: number;
  /** Which messages were captured (a request refused early may have neither). */
  requestCaptured: boolean;
  responseCaptured: boolean;
  /** Header lines (`name: value\n`), the request's then the answer's. */
  headers: Place;
  /** The kept part of each body, the request's then the answer's. */
  bodies: Place;
  /** Each body's whole size in bytes (-1: there was none), and whether it was cut. */
  requestBytes: number;
  requestTruncated: boolean;
  responseBytes: number;
  responseTruncated: boolean;
}

const newSlot = (): Slot => ({
  id: 0,
  atMs: 0,
  method: '',
  path: '',
  query: '',
  status: 0,
  durationMs: 0,
  requestId: '',
  fault: undefined,
  tenant: undefined,
  user: undefined,
  requestCaptured: false,
  responseCaptured: false,
  headers: nowhere(),
  bodies: nowhere(),
  requestBytes: -1,
  requestTruncated: false,
  responseBytes: -1,
  responseTruncated: false,
});

function headerLines(headers: Record<string, string> | undefined): string {
  let lines = '';
  for (const name in headers) lines += `${name}: ${headers[name]}\n`;
  return lines;
}

function parseHeaderLines(lines: string): Record<string, string> {
  const pairs: Array<[string, string]> = [];
  for (const line of lines.split('\n')) {
    const colon = line.indexOf(': ');
    if (colon > 0) pairs.push([line.slice(0, colon), line.slice(colon + 2)]);
  }
  // fromEntries defines each name, so a header called __proto__ is a header, not a prototype.
  return Object.fromEntries(pairs);
}

const cutText = (body: string) => (body.length > JOURNAL_BODY_LIMIT ? body.slice(0, JOURNAL_BODY_LIMIT) : body);

/** A ring of slots, the oldest written over once `capacity` is reached. */
export function createJournal(capacity: number, space: JournalSpace = { bodies: JOURNAL_BODY_BYTES, headers: JOURNAL_HEADER_BYTES }): Journal {
  const ring: Slot[] = [];
  const headerBlocks = new ByteBlocks(space.headers.blockSize, space.headers.maxBlocks);
  const bodyBlocks = new ByteBlocks(space.bodies.blockSize, space.bodies.maxBlocks);
  let next = 0;
  let nextId = 1;
  const oldestIndex = () => (ring.length < capacity ? 0 : next);

  const keep = (slot: Slot, r: JournalRecord) => {
    const q = r.url.indexOf('?');
    slot.id = nextId++;
    slot.atMs = r.atMs;
    slot.method = r.method;
    slot.path = r.path.slice(r.pathFrom);
    slot.query = q === -1 ? '' : r.url.slice(q);
    slot.status = r.status;
    slot.durationMs = r.durationMs;
    slot.requestId = r.requestId;
    slot.fault = r.fault;
    slot.tenant = r.tenant;
    slot.user = r.user;
    slot.requestCaptured = r.requestHeaders !== undefined;
    slot.responseCaptured = r.responseHeaders !== undefined;
    headerBlocks.write(slot.headers, headerLines(r.requestHeaders), headerLines(r.responseHeaders));
    const requestBody = slot.requestCaptured ? (r.requestBody ?? null) : null;
    const answer = slot.responseCaptured ? (r.responseBody ?? null) : null;
    slot.requestTruncated = requestBody !== null && requestBody.length > JOURNAL_BODY_LIMIT;
    slot.responseTruncated = answer !== null && (typeof answer === 'string' ? answer.length : answer.byteLength) > JOURNAL_BODY_LIMIT;
    const kept = requestBody === null ? '' : cutText(requestBody);
    // An answer sent as bytes (a cached list or task) is copied as bytes: its start, never decoded here.
    if (answer !== null && typeof answer !== 'string') bodyBlocks.write(slot.bodies, kept, '', answer.subarray(0, JOURNAL_BODY_LIMIT));
    else bodyBlocks.write(slot.bodies, kept, answer === null ? '' : cutText(answer));
    // A body kept whole was measured by writing it.
    const { block, start, split, end } = slot.bodies;
    slot.requestBytes = requestBody === null ? -1 : block >= 0 && !slot.requestTruncated ? split - start : Buffer.byteLength(requestBody);
    slot.responseBytes = answer === null ? -1 : typeof answer !== 'string' ? answer.byteLength : block >= 0 && !slot.responseTruncated ? end - split : Buffer.byteLength(answer);
  };

  /** The entry as it is shown, made afresh from the slot each time it is read. */
  const materialise = (slot: Slot): JournalEntry => {
    const entry: JournalEntry = {
      id: slot.id,
      method: slot.method,
      path: slot.path,
      query: slot.query,
      status: slot.status,
      durationMs: slot.durationMs,
      requestId: slot.requestId,
      ...(slot.fault ? { fault: slot.fault } : {}),
      at: new Date(slot.atMs).toISOString(),
    };
    if (slot.tenant !== undefined) entry.tenant = slot.tenant;
    if (slot.user !== undefined) entry.user = slot.user;
    const headersGone = !headerBlocks.holds(slot.headers);
    const bodiesGone = !bodyBlocks.holds(slot.bodies);
    const message = (lines: string | undefined, body: string | undefined, bytes: number, truncated: boolean): CapturedMessage => {
      const hadBody = bytes >= 0;
      const shown: CapturedMessage = { headers: parseHeaderLines(lines ?? ''), body: hadBody && !bodiesGone ? (body ?? '') : null, bodyBytes: Math.max(0, bytes), truncated: hadBody && truncated };
      if (headersGone || (hadBody && bodiesGone)) shown.dropped = true;
      return shown;
    };
    if (slot.requestCaptured) entry.request = message(headerBlocks.first(slot.headers), bodyBlocks.first(slot.bodies), slot.requestBytes, slot.requestTruncated);
    if (slot.responseCaptured) entry.response = message(headerBlocks.second(slot.headers), bodyBlocks.second(slot.bodies), slot.responseBytes, slot.responseTruncated);
    return entry;
  };

  return {
    capacity,
    get size() {
      return ring.length;
    },
    record(r) {
      if (capacity <= 0) return;
      const slot = ring.length < capacity ? newSlot() : ring[next]!;
      keep(slot, r);
      if (ring.length < capacity) ring.push(slot);
      next = next + 1 === capacity ? 0 : next + 1;
    },
    list(filter = {}) {
      const oldest = oldestIndex();
      const entries: JournalEntry[] = [];
      const method = filter.method?.toUpperCase();
      const user = filter.user?.toLowerCase();
      const prefix = filter.path === undefined ? undefined : filter.path.endsWith('/') ? filter.path : `${filter.path}/`;
      for (let k = 0; k < ring.length; k++) {
        const slot = ring[(oldest + k) % capacity]!;
        if (method !== undefined && slot.method !== method) continue;
        if (filter.path !== undefined && slot.path !== filter.path && !slot.path.startsWith(prefix!)) continue;
        if (filter.status !== undefined && slot.status !== filter.status) continue;
        if (user !== undefined && slot.user?.toLowerCase() !== user) continue;
        const entry = materialise(slot);
        if (filter.body !== undefined && !(entry.request?.body ?? '').includes(filter.body)) continue;
        entries.push(entry);
      }
      return entries;
    },
    clear() {
      ring.length = 0;
      next = 0;
      headerBlocks.clear();
      bodyBlocks.clear();
    },
  };
}
