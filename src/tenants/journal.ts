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
 * What the journal is told of a request: the request's own strings, which it keeps as they are.
 * The entry's path and query are cut from them only when the journal is read.
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
 * (bench/NOTES.md, fifth round). Arrays of numbers hold them unboxed, so an entry allocates
 * nothing; its strings are those the request already made.
 */
export function createJournal(capacity: number): Journal {
  const ids: number[] = [];
  const atMs: number[] = [];
  const methods: string[] = [];
  const paths: string[] = [];
  const pathFroms: number[] = [];
  const urls: string[] = [];
  const statuses: number[] = [];
  const durations: number[] = [];
  const requestIds: string[] = [];
  const faults: Array<JournalRecord['fault']> = [];
  let next = 0;
  let size = 0;
  let nextId = 1;
  const entryAt = (i: number): JournalEntry => {
    const url = urls[i]!;
    const q = url.indexOf('?');
    const fault = faults[i];
    return {
      id: ids[i]!,
      method: methods[i]!,
      path: paths[i]!.slice(pathFroms[i]!),
      query: q === -1 ? '' : url.slice(q),
      status: statuses[i]!,
      durationMs: durations[i]!,
      requestId: requestIds[i]!,
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
      paths[i] = entry.path;
      pathFroms[i] = entry.pathFrom;
      urls[i] = entry.url;
      statuses[i] = entry.status;
      durations[i] = entry.durationMs;
      requestIds[i] = entry.requestId;
      faults[i] = entry.fault;
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
      for (const column of [ids, atMs, methods, paths, pathFroms, urls, statuses, durations, requestIds, faults]) column.length = 0;
      next = 0;
      size = 0;
    },
  };
}
