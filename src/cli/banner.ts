import type { Directory, Token } from '../model/directory.js';

export interface BannerInput {
  /** Where clients reach the server, e.g. http://127.0.0.1:4010 */
  url: string;
  /** The address the server is bound to, when it is not the URL's host (0.0.0.0 in a container). */
  boundTo?: string;
  directory: Directory;
  /** The tokens file, so a reader knows where the other tokens are described. */
  tokensFile: string;
}

/** The lines printed at start-up: where to send requests, how to reach a tenant, a token to try. */
export function formatBanner(input: BannerInput): string {
  const { url } = input;
  const token = tokenToShow(input.directory);
  const lines = [
    `agent-tasks-emulator listening on ${url}${input.boundTo ? ` (bound to ${input.boundTo})` : ''}`,
    `  tenants  ${url}/t/<name>/...  each name gets its own state, created on first use`,
    `  health   ${url}/_emulator/health`,
  ];
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
