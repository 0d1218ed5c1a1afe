/** One API request as the journal keeps it. */
export interface JournalEntry {
  id: number;
  /** Tenant clock time of the request (ISO). */
  at: string;
  method: string;
  path: string;
  query: string;
  status: number;
  durationMs: number;
  requestId: string;
  /** Set when a fault rule shaped the answer. */
  fault?: { ruleId: string; kind: string };
}

export interface JournalFilter {
  method?: string;
  /** A path prefix, or an exact path. */
  path?: string;
  status?: number;
}

/**
 * What the journal is told of a request: the request's own strings, from which it copies the
 * entry's path and query.
 */
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
}

/** A bounded request journal: the oldest entries fall off once `capacity` is reached. */
export interface Journal {
  record(entry: JournalRecord): void;
  list(filter?: JournalFilter): JournalEntry[];
  clear(): void;
  readonly capacity: number;
}

/** A ring of the latest `capacity` entries, written in place. */
export function createJournal(capacity: number): Journal {
  type Kept = Omit<JournalEntry, 'at'> & { atMs: number };
  let ring: Kept[] = [];
  let next = 0;
  let nextId = 1;
  const entryOf = ({ atMs, fault, ...rest }: Kept): JournalEntry => ({ ...rest, ...(fault ? { fault } : {}), at: new Date(atMs).toISOString() });
  return {
    capacity,
    record(entry) {
      if (capacity <= 0) return;
      const q = entry.url.indexOf('?');
      ring[next] = {
        id: nextId++,
        atMs: entry.atMs,
        method: entry.method,
        path: entry.path.slice(entry.pathFrom),
        query: q === -1 ? '' : entry.url.slice(q),
        status: entry.status,
        durationMs: entry.durationMs,
        requestId: entry.requestId,
        fault: entry.fault,
      };
      next = next + 1 === capacity ? 0 : next + 1;
    },
    list(filter = {}) {
      const oldestFirst = ring.length < capacity ? ring : [...ring.slice(next), ...ring.slice(0, next)];
      return oldestFirst.map(entryOf).filter(
        (e) =>
          (filter.method === undefined || e.method === filter.method.toUpperCase()) &&
          (filter.path === undefined || e.path === filter.path || e.path.startsWith(filter.path.endsWith('/') ? filter.path : `${filter.path}/`)) &&
          (filter.status === undefined || e.status === filter.status),
      );
    },
    clear() {
      ring = [];
      next = 0;
    },
  };
}
