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

/** What the journal is told of a request; `atMs` becomes `at` only when the journal is read. */
export type JournalRecord = Omit<JournalEntry, 'id' | 'at'> & { atMs: number };

/** A bounded request journal: the oldest entries fall off once `capacity` is reached. */
export interface Journal {
  record(entry: JournalRecord): void;
  list(filter?: JournalFilter): JournalEntry[];
  clear(): void;
  readonly capacity: number;
}

export function createJournal(capacity: number): Journal {
  const ring: Array<JournalRecord & { id: number }> = [];
  let start = 0;
  let nextId = 1;
  return {
    capacity,
    record(entry) {
      if (capacity <= 0) return;
      const full = { id: nextId++, ...entry };
      if (ring.length < capacity) ring.push(full);
      else {
        ring[start] = full;
        start = (start + 1) % capacity;
      }
    },
    list(filter = {}) {
      const ordered = [...ring.slice(start), ...ring.slice(0, start)];
      return ordered.map(({ atMs, ...rest }) => ({ ...rest, at: new Date(atMs).toISOString() })).filter(
        (e) =>
          (filter.method === undefined || e.method === filter.method.toUpperCase()) &&
          (filter.path === undefined || e.path === filter.path || e.path.startsWith(filter.path.endsWith('/') ? filter.path : `${filter.path}/`)) &&
          (filter.status === undefined || e.status === filter.status),
      );
    },
    clear() {
      ring.length = 0;
      start = 0;
    },
  };
}
