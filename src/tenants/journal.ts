import { TextSlots } from './text-slots.js';

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

/**
 * A ring kept as one array per field, written in place. An object per request lived for the
 * journal's `capacity` requests, long enough to be copied by the young-generation collector,
 * promoted and later swept: with a list asked 20,000 times a second that was about 340 bytes
 * promoted per request, 40% of all, and turning the journal off made lists 10% faster
 * (bench/NOTES.md, fifth round). Arrays of numbers hold them unboxed, and the request's strings
 * are copied into byte slots (text-slots.ts), so an entry leaves nothing for the collector.
 */
export function createJournal(capacity: number): Journal {
  const ids: number[] = [];
  const atMs: number[] = [];
  // The few method names Node knows, each one string for the process's life.
  const methods: string[] = [];
  const statuses: number[] = [];
  const durations: number[] = [];
  const faults: Array<JournalRecord['fault']> = [];
  // Per entry: the path past any tenant prefix, the query from `?`, the request id.
  const texts = new TextSlots(Math.max(capacity, 0), 3);
  let next = 0;
  let size = 0;
  let nextId = 1;
  const entryAt = (i: number): JournalEntry => {
    const [path, query, requestId] = texts.read(i);
    const fault = faults[i];
    return {
      id: ids[i]!,
      method: methods[i]!,
      path: path!,
      query: query!,
      status: statuses[i]!,
      durationMs: durations[i]!,
      requestId: requestId!,
      ...(fault ? { fault } : {}),
      at: new Date(atMs[i]!).toISOString(),
    };
  };
  return {
    capacity,
    record(entry) {
      if (capacity <= 0) return;
      const i = next;
      ids[i] = nextId++;
      atMs[i] = entry.atMs;
      methods[i] = entry.method;
      statuses[i] = entry.status;
      durations[i] = entry.durationMs;
      faults[i] = entry.fault;
      const q = entry.url.indexOf('?');
      texts.write(i, [entry.path.slice(entry.pathFrom), q === -1 ? '' : entry.url.slice(q), entry.requestId]);
      next = i + 1 === capacity ? 0 : i + 1;
      if (size < capacity) size++;
    },
    list(filter = {}) {
      const oldest = size < capacity ? 0 : next;
      const entries: JournalEntry[] = [];
      for (let k = 0; k < size; k++) entries.push(entryAt((oldest + k) % capacity));
      return entries.filter(
        (e) =>
          (filter.method === undefined || e.method === filter.method.toUpperCase()) &&
          (filter.path === undefined || e.path === filter.path || e.path.startsWith(filter.path.endsWith('/') ? filter.path : `${filter.path}/`)) &&
          (filter.status === undefined || e.status === filter.status),
      );
    },
    clear() {
      for (const column of [ids, atMs, methods, statuses, durations, faults]) column.length = 0;
      texts.clear();
      next = 0;
      size = 0;
    },
  };
}
