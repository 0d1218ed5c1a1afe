import type { Directory, Token } from '../domain/directory.js';

export interface BannerInput {
  /** Where clients reach the server, e.g. http://127.0.0.1:4010 */
  url: string;
  /** The address the server is bound to, when it is not the URL's host (0.0.0.0 in a container). */
  boundTo?: string;
  directory: Directory;
  /** The tokens file, so a reader knows where the other tokens are described. */
  tokensFile: string;
  /** With --control-token, tenants are made only through the control API. */
  controlToken?: boolean;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

/** The lines printed at start-up: where to send requests, how to reach a tenant, a token to try. */
export function formatBanner(input: BannerInput): string {
  const { url } = input;
  const token = tokenToShow(input.directory);
  const lines = [
    `agent-tasks-emulator listening on ${url}${input.boundTo ? ` (bound to ${input.boundTo})` : ''}`,
    input.controlToken
      ? `  tenants  ${url}/t/<name>/...  each name gets its own state, made by POST ${url}/t/<name>/_emulator/reset with the control token`
      : `  tenants  ${url}/t/<name>/...  each name gets its own state, made by its first request with a valid token`,
    `  health   ${url}/_emulator/health`,
  ];
  // Set by HOST in the environment as easily as by --host: say what it means.
  if (input.boundTo !== undefined && !LOOPBACK.test(input.boundTo)) {
    lines.push(`  network  bound to ${input.boundTo} (--host or HOST): other machines can reach it, and the built-in tokens are public`);
  }
  if (token) {
    lines.push(
      `  token    ${token.value}  (${token.name ?? token.user.login}; all tokens: ${input.tokensFile})`,
      `  try      curl -H "Authorization: Bearer ${token.value}" -H "X-GitHub-Api-Version: 2026-03-10" ${url}/agents/tasks`,
    );
  }
  lines.push('  stop     Ctrl-C or SIGTERM');
  return `${lines.join('\n')}\n`;
}

/** A token that lists tasks: the first classic one, else any the API accepts (not installation). */
function tokenToShow(directory: Directory): Token | undefined {
  const tokens = [...directory.tokens.values()];
  return tokens.find((t) => t.kind === 'classic') ?? tokens.find((t) => t.kind !== 'installation' && t.agentTasks !== 'none');
}
