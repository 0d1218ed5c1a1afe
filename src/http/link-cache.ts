/** Link headers kept per request URL (which fixes the base, query, page and per_page). */
export interface LinkCache {
  /** The Link for `url` when `matched` tasks match, made by `make` unless kept from before. */
  get(url: string, matched: number, make: () => string | undefined): string | undefined;
}

export const DEFAULT_LINK_CACHE_SIZE = 256;

/**
 * A polled list asks for the same Link over and over; making it parses the query and writes up to
 * four URLs. A request URL and the number of matching tasks fix it (the style and public base are
 * the app's), so it is kept under the URL until the count differs. At most `capacity` URLs are
 * kept, the oldest dropped first.
 */
export function createLinkCache(capacity = DEFAULT_LINK_CACHE_SIZE): LinkCache {
  const links = new Map<string, { matched: number; link: string | undefined }>();
  return {
    get(url, matched, make) {
      const known = links.get(url);
      if (known && known.matched === matched) return known.link;
      const link = make();
      if (!known && links.size >= capacity) links.delete(links.keys().next().value!);
      links.set(url, { matched, link });
      return link;
    },
  };
}
