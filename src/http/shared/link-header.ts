export type LinkStyle = 'description' | 'github';

export interface LinkInput {
  /** Absolute URL of the list, without a query. */
  base: string;
  /** The caller's query, kept in the links (page and per_page are replaced). */
  query: URLSearchParams;
  page: number;
  perPage: number;
  matched: number;
  style: LinkStyle;
}

/**
 * The Link header of a list page. 'description' follows the Agent Tasks description: first always,
 * prev from page 2, next while more pages exist, last on the final page, per_page always written.
 * 'github' follows GitHub's general convention: prev/first from page 2, next/last before the last
 * page, per_page only when the caller sent it, no header when everything fits on one page.
 * docs/decisions/0002-link-header.md explains the default.
 */
export function buildLinkHeader(input: LinkInput): string | undefined {
  const lastPage = Math.max(1, Math.ceil(input.matched / input.perPage));
  const { page } = input;
  const keepPerPage = input.style === 'description' || input.query.has('per_page');
  // The caller's query without paging, then page and per_page: the same for every link.
  const kept = new URLSearchParams();
  for (const [k, v] of input.query) if (k !== 'page' && k !== 'per_page') kept.append(k, v);
  const prefix = kept.size > 0 ? `${input.base}?${kept.toString()}&` : `${input.base}?`;
  const perPage = keepPerPage ? `&per_page=${input.perPage}` : '';
  const href = (p: number) => `<${prefix}page=${p}${perPage}>`;
  const links: string[] = [];
  const add = (p: number, rel: string) => links.push(`${href(p)}; rel="${rel}"`);
  if (input.style === 'description') {
    if (page > 1) add(page - 1, 'prev');
    if (page < lastPage) add(page + 1, 'next');
    if (page === lastPage) add(lastPage, 'last');
    add(1, 'first');
  } else {
    if (page > 1) add(page - 1, 'prev');
    if (page < lastPage) {
      add(page + 1, 'next');
      add(lastPage, 'last');
    }
    if (page > 1) add(1, 'first');
    if (page > lastPage) add(lastPage, 'last');
  }
  return links.length > 0 ? links.join(', ') : undefined;
}
