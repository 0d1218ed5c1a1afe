export interface ReadyLineInput {
  /** Where clients reach the default tenant, e.g. http://127.0.0.1:41234 */
  url: string;
  /** Named tokens of the fixtures (tokens.yaml's `name` -> token). */
  tokens: Readonly<Record<string, string>>;
  version: string;
  pid: number;
}

/**
 * The line `--ready-json` prints once the server listens: everything a test runner in any
 * language needs, in one JSON object on one line, so it never parses the human banner. Its
 * fields only grow; none is renamed or removed (docs/any-language.md).
 */
export function formatReadyLine(input: ReadyLineInput): string {
  const line = {
    event: 'listening',
    url: input.url,
    tenant_url: `${input.url}/t/{name}`,
    health_url: `${input.url}/_emulator/health`,
    tokens: input.tokens,
    version: input.version,
    pid: input.pid,
  };
  return `${JSON.stringify(line)}\n`;
}
