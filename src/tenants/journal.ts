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
  /** The body was let go to keep the journal within its budget (JOURNAL_BODY_BUDGET). */
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

/** Each body is kept up to this many characters (UTF-16 code units): docs/lifecycle.md, journal. */
export const JOURNAL_BODY_LIMIT = 8 * 1024;
/**
 * Characters of bodies a tenant's journal holds at most; past it the oldest entries lose their
 * bodies (method, path, status and headers stay). With headers of about 1 KB an entry, a tenant's
 * journal stays under capacity x 1 KB + 2 x this (about 5 MB at the defaults).
 */
export const JOURNAL_BODY_BUDGET = 1024 * 1024;

/** A bounded request journal: the oldest entries fall off once `capacity` is reached. */
export interface Journal {
  record(entry: JournalRecord): void;
  list(filter?: JournalFilter): JournalEntry[];
  clear(): void;
  readonly capacity: number;
}

interface Kept {
  entry: JournalEntry;
  atMs: number;
  /**
   * An answer served from its serialised bytes (a cached list or task), decoded only when the
   * journal is read: the decode of 8 KB was most of what capture cost a list (bench/NOTES.md).
   * The bytes are the answer's own, never changed once made (http/present-cache.ts).
   */
  raw?: Uint8Array;
  /** Characters of body this entry holds. */
  weight: number;
}

/**
 * A ring of plain entries. (It once kept its strings in byte slots to spare the garbage
 * collector; bodies and headers made that pointless, and plain values are what the rest of the
 * code reads: bench/NOTES.md has the cost.)
 */
export function createJournal(capacity: number, budget = JOURNAL_BODY_BUDGET): Journal {
  let ring: Kept[] = [];
  let next = 0;
  let nextId = 1;
  let weight = 0;
  // Index into the ring (counted from the oldest) of the first entry that may still hold bodies.
  let dropFrom = 0;
  const oldestIndex = () => (ring.length < capacity ? 0 : next);

  const dropBodies = (kept: Kept) => {
    for (const m of [kept.entry.request, kept.entry.response]) {
      if (m && m.body !== null) {
        m.body = null;
        m.dropped = true;
      }
    }
    kept.raw = undefined;
    weight -= kept.weight;
    kept.weight = 0;
  };

  return {
    capacity,
    record(r) {
      if (capacity <= 0) return;
      const q = r.url.indexOf('?');
      const entry: JournalEntry = {
        id: nextId++,
        method: r.method,
        path: r.path.slice(r.pathFrom),
        query: q === -1 ? '' : r.url.slice(q),
        status: r.status,
        durationMs: r.durationMs,
        requestId: r.requestId,
        ...(r.fault ? { fault: r.fault } : {}),
        // Formatted when read: most entries are never read.
        at: '',
      };
      if (r.tenant !== undefined) entry.tenant = r.tenant;
      if (r.user !== undefined) entry.user = r.user;
      if (r.requestHeaders) entry.request = capture(r.requestHeaders, r.requestBody ?? null);
      const answer = r.responseBody ?? null;
      const raw = answer !== null && typeof answer !== 'string' ? answer : undefined;
      if (r.responseHeaders) entry.response = capture(r.responseHeaders, raw ? null : answer);
      if (raw && entry.response) {
        entry.response.bodyBytes = raw.byteLength;
        entry.response.truncated = raw.byteLength > JOURNAL_BODY_LIMIT;
      }
      // Bytes held count whole: the journal keeps the answer's buffer, not a copy of its start.
      const held = (entry.request?.body?.length ?? 0) + (raw && entry.response ? raw.byteLength : (entry.response?.body?.length ?? 0));
      const kept: Kept = { entry, atMs: r.atMs, raw: entry.response ? raw : undefined, weight: held };
      if (ring.length < capacity) ring.push(kept);
      else {
        weight -= ring[next]!.weight;
        ring[next] = kept;
        dropFrom = Math.max(0, dropFrom - 1);
      }
      next = next + 1 === capacity ? 0 : next + 1;
      weight += kept.weight;
      // Oldest first, never the entry just recorded.
      const oldest = oldestIndex();
      while (weight > budget && dropFrom < ring.length - 1) {
        dropBodies(ring[(oldest + dropFrom) % capacity]!);
        dropFrom++;
      }
    },
    list(filter = {}) {
      const oldest = oldestIndex();
      const entries: JournalEntry[] = [];
      const method = filter.method?.toUpperCase();
      const user = filter.user?.toLowerCase();
      const prefix = filter.path === undefined ? undefined : filter.path.endsWith('/') ? filter.path : `${filter.path}/`;
      for (let k = 0; k < ring.length; k++) {
        const kept = ring[(oldest + k) % capacity]!;
        const entry = materialise(kept);
        if (method !== undefined && entry.method !== method) continue;
        if (filter.path !== undefined && entry.path !== filter.path && !entry.path.startsWith(prefix!)) continue;
        if (filter.status !== undefined && entry.status !== filter.status) continue;
        if (user !== undefined && entry.user?.toLowerCase() !== user) continue;
        if (filter.body !== undefined && !(entry.request?.body ?? '').includes(filter.body)) continue;
        entries.push(entry);
      }
      return entries;
    },
    clear() {
      ring = [];
      next = 0;
      weight = 0;
      dropFrom = 0;
    },
  };
}

/** The entry as it is shown: its time formatted, an answer kept as bytes decoded (once). */
function materialise(kept: Kept): JournalEntry {
  const { entry, raw } = kept;
  if (entry.at === '') entry.at = new Date(kept.atMs).toISOString();
  if (raw && entry.response) {
    entry.response.body = Buffer.from(raw.buffer, raw.byteOffset, Math.min(raw.byteLength, JOURNAL_BODY_LIMIT)).toString('utf8');
    kept.raw = undefined;
  }
  return entry;
}

function capture(headers: Record<string, string>, body: string | Uint8Array | null): CapturedMessage {
  if (body === null) return { headers, body: null, bodyBytes: 0, truncated: false };
  if (typeof body === 'string') {
    const truncated = body.length > JOURNAL_BODY_LIMIT;
    return { headers, body: truncated ? body.slice(0, JOURNAL_BODY_LIMIT) : body, bodyBytes: Buffer.byteLength(body), truncated };
  }
  // An answer served from its serialised bytes (a cached list): only the part kept is decoded.
  const text = Buffer.from(body.buffer, body.byteOffset, Math.min(body.byteLength, JOURNAL_BODY_LIMIT)).toString('utf8');
  return { headers, body: text, bodyBytes: body.byteLength, truncated: body.byteLength > JOURNAL_BODY_LIMIT };
}
