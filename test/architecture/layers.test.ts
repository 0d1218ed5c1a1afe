import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The layers of docs/architecture.md, checked on every import in src/ outside tests (a test may
// build the whole emulator to exercise its module). A module is named by its folder under src/ (http by its
// sub-folder); files directly in src/ are the composition root and may import anything.
const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

const CORE_BELOW_HTTP = ['domain', 'tenants', 'persistence', 'engine', 'store', 'model', 'faults', 'fixtures', 'support', 'generated'];
/** What each module may import besides itself. */
const ALLOWED: Record<string, readonly string[]> = {
  generated: [],
  support: ['generated'],
  model: ['support'],
  store: ['model', 'support'],
  engine: ['store', 'model', 'support', 'generated'],
  faults: ['model', 'support', 'generated'],
  fixtures: ['model', 'support', 'generated'],
  domain: ['engine', 'store', 'model', 'fixtures', 'support'],
  tenants: ['domain', 'engine', 'store', 'model', 'faults', 'fixtures', 'support', 'generated'],
  persistence: ['tenants', 'store', 'model', 'support', 'generated'],
  'http/shared': CORE_BELOW_HTTP,
  'http/middleware': ['http/shared', ...CORE_BELOW_HTTP],
  'http/agent-tasks': ['http/shared', 'http/middleware', ...CORE_BELOW_HTTP],
  'http/rate-limit': ['http/shared', 'http/middleware', ...CORE_BELOW_HTTP],
  // The repository's work (issue 16): pull requests, branches and refs, the repository, the user.
  // A repository (and its owner's account) is what pull requests and users are presented with.
  'http/repos': ['http/shared', 'http/middleware', ...CORE_BELOW_HTTP],
  'http/pulls': ['http/shared', 'http/middleware', 'http/repos', ...CORE_BELOW_HTTP],
  'http/users': ['http/shared', 'http/middleware', 'http/repos', ...CORE_BELOW_HTTP],
  // The control API presents tasks as the task operations do.
  // The dashboard (issue 17): pages over the tenants, served under /_emulator/ui.
  'http/dashboard': ['http/shared', 'http/middleware', ...CORE_BELOW_HTTP],
  'http/control': ['http/shared', 'http/middleware', 'http/agent-tasks', 'http/pulls', 'http/repos', 'http/dashboard', ...CORE_BELOW_HTTP],
  // The command line and the public control client talk to the emulator, not to its HTTP layer.
  cli: ['root', ...CORE_BELOW_HTTP],
  contract: ['root', ...CORE_BELOW_HTTP],
};
/** Root files that are part of the published client side and must not reach into http/. */
const ROOT_WITHOUT_HTTP = new Set(['control-client.ts', 'emulator-fetch.ts', 'emulator-tokens.ts']);
/** Modules that know nothing of HTTP (architecture.md: domain, engine and store import no Hono). */
const NO_HONO = new Set(['model', 'store', 'engine', 'domain', 'tenants', 'persistence', 'faults', 'fixtures']);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : (e.name.endsWith('.ts') || e.name.endsWith('.tsx')) && !e.name.includes('.test.') ? [join(dir, e.name)] : [],
  );
}

function moduleOf(file: string): string {
  const parts = relative(SRC, file).split(/[\\/]/);
  if (parts.length === 1) return 'root';
  return parts[0] === 'http' && parts.length > 2 ? `http/${parts[1]}` : parts[0]!;
}

function importsOf(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)) {
    found.push((m[1] ?? m[2] ?? m[3])!);
  }
  return found;
}

/** Every import that runs against the layers, as "file -> import (module -> module)". */
function layerViolations(): string[] {
  const violations: string[] = [];
  for (const file of filesUnder(SRC)) {
    const from = moduleOf(file);
    const name = relative(SRC, file);
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      if (spec === 'hono' || spec.startsWith('hono/') || spec.startsWith('@hono/')) {
        if (NO_HONO.has(from)) violations.push(`${name} -> ${spec} (${from} knows nothing of HTTP)`);
        continue;
      }
      if (!spec.startsWith('.')) continue;
      const to = moduleOf(resolve(dirname(file), spec));
      if (to === from) continue;
      const ok = from === 'root' ? !(ROOT_WITHOUT_HTTP.has(name) && to.startsWith('http')) : (ALLOWED[from] ?? []).includes(to);
      if (!ok) violations.push(`${name} -> ${spec} (${from} -> ${to})`);
    }
  }
  return violations;
}

describe('layers', () => {
  it('every module under src/ has its place in the layers', () => {
    const modules = new Set(filesUnder(SRC).map(moduleOf));
    modules.delete('root');
    expect([...modules].filter((m) => !(m in ALLOWED))).toEqual([]);
  });

  it('no import runs against the layers (docs/architecture.md)', () => {
    expect(layerViolations()).toEqual([]);
  });

  it('the check sees an import against the layers', () => {
    // Guards the parser: a real upward import in this list's own terms must be caught.
    expect(importsOf("import type { A } from '../http/x.js';\nexport { b } from './y.js';\nconst c = await import('../z.js');")).toEqual(['../http/x.js', './y.js', '../z.js']);
    expect(moduleOf(join(SRC, 'http/agent-tasks/x.ts'))).toBe('http/agent-tasks');
    expect(ALLOWED.store).not.toContain('domain');
  });
});
