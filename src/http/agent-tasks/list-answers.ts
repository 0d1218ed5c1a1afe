import type { Caller, World } from '../../domain/world.js';
import type { Presented } from './present-cache.js';

/** A list answer as sent: its body (with the hash its ETag is made of) and its Link header. */
export interface ListAnswer {
  presented: Presented;
  link: string | undefined;
}

/**
 * List answers kept per request URL. Clients poll the same list over and over, and a list is fixed
 * by its URL (path, query, and the host its links and url fields are written with), the caller's
 * token and the tenant's tasks; the store's version says whether those changed. A kept answer is
 * handed out only for the same world, the same token and the same version, after the caller passed
 * the same access checks and the lifecycle was brought up to date (domain/agent-tasks.ts
 * prepareRepositoryList). Parsing the query, querying the store, assembling the page and writing
 * its links was a third of a polled list's cost (bench/NOTES.md, third round). Answers are kept
 * with their world, so a tenant reset or forgotten takes its answers with it, and at most
 * `capacity` URLs a world, the oldest dropped first.
 */
export interface ListAnswers {
  /** Whether an answer was kept for this URL in this world, so its query is known to be valid. */
  knows(url: string, world: World): boolean;
  /** The answer kept for this URL, if it still holds for this world, caller and store version. */
  get(url: string, world: World, caller: Caller): ListAnswer | undefined;
  set(url: string, world: World, caller: Caller, answer: ListAnswer): void;
}

interface Kept extends ListAnswer {
  token: Caller['token'];
  version: number;
}

export const DEFAULT_LIST_ANSWERS_SIZE = 64;

export function createListAnswers(capacity = DEFAULT_LIST_ANSWERS_SIZE): ListAnswers {
  const byWorld = new WeakMap<World, Map<string, Kept>>();
  return {
    knows: (url, world) => byWorld.get(world)?.has(url) ?? false,
    get(url, world, caller) {
      const k = byWorld.get(world)?.get(url);
      return k && k.token === caller.token && k.version === world.store.version() ? k : undefined;
    },
    set(url, world, caller, answer) {
      let kept = byWorld.get(world);
      if (!kept) byWorld.set(world, (kept = new Map()));
      if (!kept.has(url) && kept.size >= capacity) kept.delete(kept.keys().next().value!);
      // Written out, not spread: the object made by `{ ...answer }` here was promoted with the link
      // and URL it holds, about 200 bytes a list request (bench/NOTES.md, fifth round).
      kept.set(url, { presented: answer.presented, link: answer.link, token: caller.token, version: world.store.version() });
    },
  };
}
