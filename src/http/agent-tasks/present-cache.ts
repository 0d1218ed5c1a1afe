import { sha1Hex as sha1 } from '../../support/sha1.js';
import type { TaskRecord } from '../../model/task-record.js';
import type { TaskPage } from '../../store/task-store.js';
import { createIsoSeconds, presentTask, presentTaskWithSessions, type UrlBases } from './present-task.js';

/** A body ready to send (UTF-8 bytes, so nothing is encoded per request), and its ETag's hash. */
export interface Presented {
  body: Buffer;
  hash: string;
}

export interface PresentCache {
  /** The task as a list item (no sessions). */
  item(task: TaskRecord, bases: UrlBases): Presented;
  /** The task with its sessions, as both get-by-id operations answer it. */
  full(task: TaskRecord, bases: UrlBases): Presented;
  /** A list answer: its tasks' cached items and the two totals. */
  list(page: TaskPage, bases: UrlBases): Presented;
}

/**
 * A task's JSON with its API base left out: the base goes between `head` and `tail`. Every tenant
 * shares the built-in tasks (tenants/tenant.ts) and each has its own base (/t/{name}), so a task
 * is presented once for all of them, not once per tenant. `hash` is of the JSON without the
 * base: an ETag belongs to one URL, and the URL carries the tenant already.
 */
interface Template {
  head: Buffer;
  tail: Buffer;
  hash: string;
}

interface Entry {
  revision: number;
  web: string;
  item?: Template;
  full?: Template;
}

/** Stands in for the API base while presenting: no API base or task id contains it. */
const API_BASE_MARK = '\u{E000}api\u{E000}';
const URL_MEMBER = '"url":"';

/** A list answer as assembled, and what it was assembled from. */
interface AssembledList {
  tasks: TaskRecord[];
  revisions: number[];
  totalActive: number;
  totalArchived: number;
  web: string;
  presented: Presented;
}

export const DEFAULT_PRESENT_CACHE_SIZE = 2_000;
/**
 * Assembled list answers kept, one per (first task, length, API base) at most: up to 64 bodies of
 * 20 KB (30 tasks) to 70 KB (100).
 */
export const DEFAULT_LIST_CACHE_SIZE = 64;

const COMMA = Buffer.from(',');

/** Splits presented JSON at its URL's base (the first `"url":"`: one inside a string would be escaped). */
function template(json: string): Template {
  const at = json.indexOf(URL_MEMBER + API_BASE_MARK) + URL_MEMBER.length;
  return { head: Buffer.from(json.slice(0, at)), tail: Buffer.from(json.slice(at + API_BASE_MARK.length)), hash: sha1(json) };
}

const filled = (t: Template, api: Buffer): Presented => ({ body: Buffer.concat([t.head, api, t.tail]), hash: t.hash });

/**
 * Tasks change far less often than they are read, and turning 30 of them into JSON (timestamps,
 * URLs, stringify, a hash of the whole body for the ETag) was most of a list request's cost
 * (docs/performance.md). A task's JSON is kept until the store changes the record (its `revision`)
 * or the URL bases differ; a list is assembled from its items' JSON, and its ETag hashes the
 * items' hashes and the totals, which together fix the body. At most `capacity` tasks are kept,
 * the oldest entry dropped first, so memory does not grow with the tasks stored or read.
 */
export function createPresentCache(capacity = DEFAULT_PRESENT_CACHE_SIZE, listCapacity = DEFAULT_LIST_CACHE_SIZE): PresentCache {
  const entries = new Map<TaskRecord, Entry>();
  const iso = createIsoSeconds();
  // Clients poll the same page over and over; while none of its tasks changed, its assembled body
  // (20 KB copied, then hashed) is the same, so it is kept too (docs/performance.md).
  const lists = new Map<string, AssembledList>();
  // First in, first out: a hit does not reorder the map, which keeps the common path to one
  // lookup; a task read again after being dropped is simply presented again.
  const entryOf = (task: TaskRecord, web: string): Entry => {
    const entry = entries.get(task);
    if (entry && entry.revision === task.revision && entry.web === web) return entry;
    const fresh: Entry = { revision: task.revision, web };
    if (!entry && entries.size >= capacity) entries.delete(entries.keys().next().value!);
    entries.set(task, fresh);
    return fresh;
  };
  const marked = (web: string): UrlBases => ({ api: API_BASE_MARK, web });
  const itemTemplate = (task: TaskRecord, web: string) => {
    const entry = entryOf(task, web);
    return (entry.item ??= template(JSON.stringify(presentTask(task, marked(web), iso))));
  };
  return {
    item: (task, bases) => filled(itemTemplate(task, bases.web), Buffer.from(bases.api)),
    full(task, bases) {
      const entry = entryOf(task, bases.web);
      return filled((entry.full ??= template(JSON.stringify(presentTaskWithSessions(task, marked(bases.web), iso)))), Buffer.from(bases.api));
    },
    list(page, bases) {
      const key = `${page.tasks[0]?.id ?? ''}|${page.tasks.length}|${bases.api}`;
      const known = lists.get(key);
      if (known && sameList(known, page, bases)) return known.presented;
      const made = assemble(page, bases);
      if (!known && lists.size >= listCapacity) lists.delete(lists.keys().next().value!);
      lists.set(key, {
        tasks: page.tasks.slice(),
        revisions: page.tasks.map((t) => t.revision),
        totalActive: page.totalActive,
        totalArchived: page.totalArchived,
        web: bases.web,
        presented: made,
      });
      return made;
    },
  };

  function assemble(page: TaskPage, bases: UrlBases): Presented {
    const items = page.tasks.map((t) => itemTemplate(t, bases.web));
    const api = Buffer.from(bases.api);
    const totals = `"total_active_count":${page.totalActive},"total_archived_count":${page.totalArchived}`;
    const parts: Buffer[] = [Buffer.from('{"tasks":[')];
    items.forEach((i, n) => (n === 0 ? parts.push(i.head, api, i.tail) : parts.push(COMMA, i.head, api, i.tail)));
    parts.push(Buffer.from(`],${totals}}`));
    return { body: Buffer.concat(parts), hash: sha1(`${items.map((i) => i.hash).join(',')}|${totals}`) };
  }
}

/** Whether `page` holds the same tasks, unchanged, with the same totals, as `known` was made of. */
function sameList(known: AssembledList, page: TaskPage, bases: UrlBases): boolean {
  const tasks = page.tasks;
  if (known.totalActive !== page.totalActive || known.totalArchived !== page.totalArchived || known.web !== bases.web) return false;
  if (known.tasks.length !== tasks.length) return false;
  for (let i = 0; i < tasks.length; i++) if (known.tasks[i] !== tasks[i] || known.revisions[i] !== tasks[i]!.revision) return false;
  return true;
}
