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

/**
 * @octokit/openapi describes API version 2022-11-28 (its pull-request schema still requires
 * merge_commit_sha and assignee). What version 2026-03-10 removed from the schemas these
 * operations answer with, per GitHub's changelog of breaking changes; the emulator leaves these
 * fields out of 2026-03-10 answers and the validators check those answers without them.
 */
export const VERSION_REMOVALS = {
  '2026-03-10': {
    source: 'https://github.com/github/rest-api-description/blob/main/descriptions/api.github.com/CHANGELOG.md',
    schemas: {
      'pull-request': ['merge_commit_sha', 'assignee'],
      'pull-request-simple': ['merge_commit_sha', 'assignee'],
      repository: ['has_downloads', 'use_squash_pr_title_as_default', 'master_branch'],
      'full-repository': ['has_downloads', 'use_squash_pr_title_as_default', 'master_branch'],
    },
  },
};

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
  for (const [version, { schemas }] of Object.entries(VERSION_REMOVALS)) {
    for (const [name, fields] of Object.entries(schemas)) {
      const gone = fields.filter((f) => !full.components.schemas[name]?.properties?.[f]);
      // A field already gone means the package moved on to a newer version: review this table.
      if (gone.length > 0) throw new Error(`${name} has no ${gone.join(', ')} to remove for ${version}; does ${PACKAGE} follow another API version now?`);
    }
  }
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
      'x-source': { package: PACKAGE, version: packageVersion, file: SOURCE_FILE, 'api-version': '2022-11-28' },
      'x-api-version-removals': VERSION_REMOVALS,
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
