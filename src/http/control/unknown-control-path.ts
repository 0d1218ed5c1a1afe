/** A control endpoint as its route is registered: a method and a path with `{name}` parameters. */
export interface ControlEndpoint {
  method: string;
  path: string;
}

/** The control API's endpoints among an app's routes (Hono's `app.routes`), `:name` written `{name}` as in openapi/emulator.yaml. */
export function controlEndpointsOf(routes: ReadonlyArray<{ method: string; path: string }>): ControlEndpoint[] {
  const seen = new Set<string>();
  const endpoints: ControlEndpoint[] = [];
  for (const route of routes) {
    if (route.method === 'ALL' || !route.path.startsWith('/_emulator/')) continue;
    const path = route.path.replace(/:([A-Za-z_]+)(\{[^}]*\})?/g, '{$1}');
    const key = `${route.method} ${path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    endpoints.push({ method: route.method, path });
  }
  return endpoints;
}

/** At most this many endpoints are named in one answer. */
const MOST = 10;

/**
 * The 404 message for a path under /_emulator that no control endpoint answers: the endpoints
 * sharing most of its leading segments, so `POST /_emulator/clock` points at
 * `POST /_emulator/clock/advance`. A wrong control URL is the emulator's own API misread, not
 * GitHub's, so it says more than GitHub's bare "Not Found"; when nothing is near, the segments
 * control paths start with. `prefix` is the /t/{name} part the request used, shown before each path.
 */
export function unknownControlPathMessage(endpoints: readonly ControlEndpoint[], method: string, path: string, prefix: string): string {
  const asked = segmentsOf(path);
  let best = 0;
  let near: ControlEndpoint[] = [];
  for (const endpoint of endpoints) {
    const matched = leadingMatch(segmentsOf(endpoint.path), asked);
    if (matched > best) [best, near] = [matched, []];
    if (matched === best && best > 0) near.push(endpoint);
  }
  const head = `Not Found: no control endpoint ${method} ${prefix}${path}`;
  if (near.length === 0) {
    const firsts = [...new Set(endpoints.map((e) => segmentsOf(e.path)[0]!))].sort();
    return firsts.length === 0 ? `${head}.` : `${head}. Control paths go on from ${prefix}/_emulator/ with ${firsts.join(', ')}.`;
  }
  near.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.method < b.method ? -1 : 1));
  const named = near.slice(0, MOST).map((e) => `${e.method} ${prefix}${e.path}`);
  return `${head}. Near it: ${named.join(', ')}${near.length > MOST ? `, and ${near.length - MOST} more` : ''}.`;
}

/** The segments after /_emulator. */
function segmentsOf(path: string): string[] {
  return path.split('/').filter(Boolean).slice(1);
}

/** How many leading segments of an endpoint the asked path has (a `{name}` parameter takes any). */
function leadingMatch(endpoint: readonly string[], asked: readonly string[]): number {
  let i = 0;
  while (i < endpoint.length && i < asked.length && (endpoint[i]!.startsWith('{') || endpoint[i] === asked[i])) i++;
  return i;
}
