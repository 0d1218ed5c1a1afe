#!/usr/bin/env node
// Extracts the agent-tasks operations, and the repository operations clients call around them
// (EXTRA_OPERATIONS), from GitHub's OpenAPI description (npm: @octokit/openapi) into
// openapi/agent-tasks.json. The slice is regenerated, never edited by hand: run
// `npm run spec:update` after bumping @octokit/openapi, then review the diff.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const PACKAGE = '@octokit/openapi';
const SOURCE_FILE = 'generated/api.github.com.json';
const TAG = 'agent-tasks';
/**
 * Where clients look for a task's work, and what they call to check a token and a repository
 * first (issue #16): the pull requests and branches tasks leave, the repository and the user.
 */
export const EXTRA_OPERATIONS = ['pulls/list', 'pulls/get', 'repos/get-branch', 'git/get-ref', 'repos/get', 'users/get-authenticated'];

export function extractSlice(full, packageVersion) {
  const paths = {};
  const refs = new Set();
  for (const [path, item] of Object.entries(full.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!op || typeof op !== 'object') continue;
      const tagged = Array.isArray(op.tags) && op.tags.includes(TAG);
      if (!tagged && !EXTRA_OPERATIONS.includes(op.operationId)) continue;
      paths[path] ??= {};
      paths[path][method] = op;
      collectRefs(op, refs);
    }
  }
  if (Object.keys(paths).length === 0) throw new Error(`no operation tagged ${TAG} in ${PACKAGE}`);
  const found = new Set(Object.values(paths).flatMap((item) => Object.values(item).map((op) => op.operationId)));
  const missing = EXTRA_OPERATIONS.filter((id) => !found.has(id));
  if (missing.length > 0) throw new Error(`${PACKAGE} has no operation ${missing.join(', ')}`);
  const components = {};
  const pending = [...refs];
  while (pending.length > 0) {
    const ref = pending.pop();
    const match = /^#\/components\/([^/]+)\/([^/]+)$/.exec(ref);
    if (!match) throw new Error(`unsupported $ref ${ref}: only #/components/<kind>/<name> is handled`);
    const [, kind, name] = match;
    if (components[kind]?.[name]) continue;
    const target = full.components?.[kind]?.[name];
    if (!target) throw new Error(`dangling $ref ${ref}`);
    (components[kind] ??= {})[name] = target;
    const more = new Set();
    collectRefs(target, more);
    for (const r of more) pending.push(r);
  }
  return {
    openapi: full.openapi,
    info: {
      title: 'GitHub Agent Tasks REST API (slice)',
      version: full.info.version,
      description: `The ${TAG} operations of GitHub's REST API description, and ${EXTRA_OPERATIONS.join(', ')}, extracted by scripts/update-spec.mjs. Do not edit.`,
      'x-source': { package: PACKAGE, version: packageVersion, file: SOURCE_FILE },
    },
    servers: full.servers,
    paths: sortKeys(paths),
    components: sortKeys(Object.fromEntries(Object.entries(components).map(([k, v]) => [k, sortKeys(v)]))),
  };
}

function collectRefs(node, into) {
  if (Array.isArray(node)) for (const n of node) collectRefs(n, into);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') into.add(value);
      else collectRefs(value, into);
    }
  }
}

function sortKeys(obj) {
  return Object.fromEntries(Object.entries(obj).sort(([a], [b]) => a.localeCompare(b)));
}

export function buildSlice() {
  const pkgJson = require.resolve(`${PACKAGE}/package.json`);
  const version = JSON.parse(readFileSync(pkgJson, 'utf8')).version;
  const full = JSON.parse(readFileSync(join(dirname(pkgJson), SOURCE_FILE), 'utf8'));
  return `${JSON.stringify(extractSlice(full, version), null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = resolve(process.argv[2] ?? 'openapi/agent-tasks.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, buildSlice());
  console.log(`wrote ${out}`);
}
