import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildDocumentsModule, builtInFiles, DOCUMENTS_PATH } from '../../scripts/generate-built-in-documents.js';
import { knownDocument } from '../../src/generated/built-in-documents.js';
import { parseYaml } from '../../src/support/parse-yaml.js';

describe('built-in documents', () => {
  it('src/generated/built-in-documents.ts is exactly what npm run documents:update writes', () => {
    expect(readFileSync(DOCUMENTS_PATH, 'utf8'), 'stale: run npm run documents:update').toBe(buildDocumentsModule());
  });

  it('covers every fixture and scenario file', () => {
    expect(builtInFiles()).toEqual(expect.arrayContaining(['fixtures/tokens.yaml', 'fixtures/tasks.yaml', 'scenarios/happy-path.yaml', 'scenarios/poll-driven.yaml']));
    expect(builtInFiles().length).toBeGreaterThanOrEqual(15);
  });

  it.each(builtInFiles())('knows %s: the document YAML.parse gives for its text', (file) => {
    const text = readFileSync(file, 'utf8');
    expect(knownDocument(text)).toEqual(parse(text));
  });

  it('gives each caller objects of its own', () => {
    const text = readFileSync('fixtures/accounts.yaml', 'utf8');
    const first = knownDocument(text) as { users: unknown[] };
    first.users.length = 0;
    expect((knownDocument(text) as { users: unknown[] }).users.length).toBeGreaterThan(0);
  });

  it('knows no other text, an edited built-in file included', () => {
    const text = readFileSync('scenarios/fails.yaml', 'utf8');
    expect(knownDocument(`${text}\n# edited\n`)).toBeUndefined();
    expect(knownDocument('users: []\n')).toBeUndefined();
  });
});

describe('parseYaml', () => {
  it('parses other text with the yaml package', () => {
    expect(parseYaml('name: x\nsteps: [{ state: failed, after: 1s }]\n')).toEqual({ name: 'x', steps: [{ state: 'failed', after: '1s' }] });
  });

  it('throws what YAML.parse throws', () => {
    const bad = 'users: [\n';
    const thrown = (f: () => unknown) => {
      try {
        f();
      } catch (error) {
        return (error as Error).message;
      }
      return undefined;
    };
    expect(thrown(() => parseYaml(bad))).toBeDefined();
    expect(thrown(() => parseYaml(bad))).toBe(thrown(() => parse(bad)));
  });
});
