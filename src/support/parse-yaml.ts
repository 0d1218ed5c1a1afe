import { createRequire } from 'node:module';
import { knownDocument } from '../generated/built-in-documents.js';

type YamlParse = (text: string) => unknown;

/**
 * YAML.parse, except for the text of a built-in fixture or scenario file, whose document was
 * parsed at build time (src/generated/built-in-documents.ts). Any other text, an edited built-in
 * file included, goes to the yaml package, with its errors and warnings. Loading yaml and parsing
 * the fifteen built-in files took ~50 ms of every start on the built-in data (docs/performance.md).
 * Throws what YAML.parse throws.
 */
export function parseYaml(text: string): unknown {
  return knownDocument(text) ?? loadYamlParse()(text);
}

function loadYamlParse(): YamlParse {
  // yaml's Node build is CommonJS, so require loads it synchronously, and only when needed.
  return (createRequire(import.meta.url)('yaml') as { parse: YamlParse }).parse;
}
