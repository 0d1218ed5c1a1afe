// Parsing and checking of RFC 8288 Link headers as GitHub writes them:
// `<https://api.github.com/...?page=2&per_page=30>; rel="next", <...>; rel="first"`.

export const PAGE_RELS = ['first', 'prev', 'next', 'last'] as const;
export type PageRel = (typeof PAGE_RELS)[number];

export interface LinkEntry {
  url: URL;
  rel: string;
}

/** The entries of a Link header, or a description of what is malformed. */
export function parseLinkHeader(header: string): { entries: LinkEntry[] } | { problem: string } {
  const entries: LinkEntry[] = [];
  // Entries are separated by commas outside angle brackets; URLs may carry commas in queries.
  const parts = header.match(/<[^>]*>[^,<]*/g);
  if (!parts || parts.join(',').replace(/\s/g, '') !== header.replace(/\s/g, '')) {
    return { problem: `not a list of <url>; rel="..." entries: ${header}` };
  }
  for (const part of parts) {
    const match = /^<([^>]*)>\s*;\s*rel="([^"]+)"\s*$/.exec(part.trim());
    if (!match) return { problem: `malformed entry: ${part.trim()}` };
    let url: URL;
    try {
      url = new URL(match[1]!);
    } catch {
      return { problem: `not an absolute URL: ${match[1]}` };
    }
    entries.push({ url, rel: match[2]! });
  }
  return { entries };
}

/**
 * Problems with a list answer's Link header: every URL absolute and on the API the client talks
 * to (same origin as the request), rel one of first/prev/next/last and not repeated, and page a
 * positive whole number. The path is not compared here: GitHub writes some links in another form
 * (/repositories/{id}/...) on other endpoints, so that is a behaviour with its own test
 * (list.link-same-path), not a rule for every answer.
 */
export function checkLinkHeader(header: string, requestUrl: URL): string[] {
  const parsed = parseLinkHeader(header);
  if ('problem' in parsed) return [`Link header: ${parsed.problem}`];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { url, rel } of parsed.entries) {
    if (!(PAGE_RELS as readonly string[]).includes(rel)) problems.push(`Link header: unexpected rel="${rel}"`);
    if (seen.has(rel)) problems.push(`Link header: rel="${rel}" appears twice`);
    seen.add(rel);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') problems.push(`Link header: ${url} is not http(s)`);
    if (url.origin !== requestUrl.origin) problems.push(`Link header: ${url} is not on the API that answered (${requestUrl.origin})`);
    const page = url.searchParams.get('page');
    if (page !== null && !/^[1-9]\d*$/.test(page)) problems.push(`Link header: rel="${rel}" has page=${page}`);
  }
  return problems;
}

/** rel -> URL, for tests that follow or pin links. */
export function linksByRel(header: string | null): Map<string, URL> {
  if (!header) return new Map();
  const parsed = parseLinkHeader(header);
  if ('problem' in parsed) throw new Error(parsed.problem);
  return new Map(parsed.entries.map((e) => [e.rel, e.url]));
}
