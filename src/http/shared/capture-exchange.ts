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
 * The request's headers as the client sent them: lower-case names, a repeated header's values
 * joined with ", " (as web Headers joins them in process), secrets redacted. Over a real socket
 * they are read from Node's raw list: asking the web Request for its headers builds a Headers
 * object first (a fifth of what capture cost a create, docs/performance.md), and Node's own
 * `headers` object keeps only the first of some repeated headers and loses one named __proto__.
 */
export function requestHeadersOf(c: Context<ApiEnv>): Record<string, string> {
  const caller = c.get('caller');
  // A plain object (one without a prototype is a dictionary to V8, slower to fill and to walk),
  // so a header called __proto__ is defined rather than assigned, which would set the prototype.
  const out: Record<string, string> = {};
  const put = (name: string, value: string) => {
    let shown = name === 'authorization' ? redactAuthorization(value, caller && { kind: caller.token.kind, login: caller.user.login }) : SECRET.has(name) ? '[redacted]' : value;
    if (Object.hasOwn(out, name)) shown = `${out[name]}, ${shown}`;
    if (name === '__proto__') Object.defineProperty(out, name, { value: shown, enumerable: true, writable: true, configurable: true });
    else out[name] = shown;
  };
  const raw = (c.env as { incoming?: { rawHeaders?: string[] } } | undefined)?.incoming?.rawHeaders;
  if (raw) for (let i = 0; i + 1 < raw.length; i += 2) put(raw[i]!.toLowerCase(), raw[i + 1]!);
  else c.req.raw.headers.forEach((value, name) => put(name, value));
  return out;
}

/** Keeps the request body's text for the journal, once a handler has read it (http/limit-body.ts). */
export function keepRequestText(c: Context, text: string | undefined): string | undefined {
  if (text !== undefined) c.set('requestText', text);
  return text;
}
