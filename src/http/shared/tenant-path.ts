/** A request path split into the tenant it addresses and the path GitHub would see. */
export interface TenantPath {
  /** The tenant's name as addressed (/t/{name}/...); undefined for the default tenant. */
  name: string | undefined;
  /** The /t/{name} prefix as it stands in the path, or '' for the default tenant. */
  prefix: string;
  /** The rest of the path, '/' at least. */
  rest: string;
}

/**
 * The one place a /t/{name} prefix is read. A name whose escapes are malformed is kept as `''`,
 * which no tenant has, so the request meets a 404.
 */
export function parseTenantPath(path: string): TenantPath {
  if (!path.startsWith('/t/')) return { name: undefined, prefix: '', rest: path };
  const end = path.indexOf('/', 3);
  const prefix = end === -1 ? path : path.slice(0, end);
  return { name: decoded(prefix.slice(3)), prefix, rest: path.slice(prefix.length) || '/' };
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '';
  }
}

/** scheme://host[:port] of an absolute URL. */
export function originOf(url: string): string {
  const end = url.indexOf('/', url.indexOf('//') + 2);
  return end === -1 ? url : url.slice(0, end);
}
