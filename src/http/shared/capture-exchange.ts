import type { Context } from 'hono';
import type { ApiEnv } from './env.js';
import { tokenFrom } from './authenticate.js';

/** The kind of a token GitHub's prefixes name (docs: "About authentication", token formats). */
const PREFIXES: ReadonlyArray<readonly [string, string]> = [
  ['github_pat_', 'fine_grained'],
  ['ghp_', 'classic'],
  ['gho_', 'oauth'],
  ['ghu_', 'app_user'],
  ['ghs_', 'installation'],
];

/**
 * An Authorization value as the journal shows it: the scheme, the token's kind and its user, never
 * the token. `Bearer ghp_...` from octocat reads `Bearer [redacted classic token of octocat]`.
 */
export function redactAuthorization(value: string, known?: { kind: string; login: string }): string {
  const scheme = /^\s*(\S+)/.exec(value)?.[1] ?? '';
  const token = tokenFrom(value);
  if (token === undefined) return `${scheme} [redacted]`.trim();
  if (known) return `${scheme} [redacted ${known.kind} token of ${known.login}]`;
  const kind = PREFIXES.find(([prefix]) => token.startsWith(prefix))?.[1];
  return `${scheme} [redacted ${kind ? `${kind} ` : ''}token unknown to the emulator]`;
}

/** Header names whose values are secrets in other ways (a control token; cookies). */
const SECRET = new Set(['x-emulator-control-token', 'cookie', 'proxy-authorization']);

/**
 * The request's headers, lower-case names, secrets redacted. Over a real socket they are read
 * from Node's own request: asking the web Request for its headers builds a Headers object from
 * them first, a fifth of what capture cost a create (docs/performance.md).
 */
export function requestHeadersOf(c: Context<ApiEnv>): Record<string, string> {
  const caller = c.get('caller');
  // No prototype: a header called __proto__ is kept as a header.
  const out: Record<string, string> = Object.create(null);
  const put = (name: string, value: string) => {
    if (name === 'authorization') out[name] = redactAuthorization(value, caller && { kind: caller.token.kind, login: caller.user.login });
    else out[name] = SECRET.has(name) ? '[redacted]' : value;
  };
  const incoming = (c.env as { incoming?: { headers?: Record<string, string | string[] | undefined> } } | undefined)?.incoming?.headers;
  if (incoming) {
    for (const name in incoming) {
      const value = incoming[name];
      if (value !== undefined) put(name, Array.isArray(value) ? value.join(', ') : value);
    }
  } else c.req.raw.headers.forEach((value, name) => put(name, value));
  return out;
}

/** Keeps the request body's text for the journal, once a handler has read it (http/limit-body.ts). */
export function keepRequestText(c: Context, text: string | undefined): string | undefined {
  if (text !== undefined) c.set('requestText', text);
  return text;
}
