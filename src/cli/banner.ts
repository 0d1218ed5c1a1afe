import type { Directory, Token } from '../model/directory.js';

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
  /** The default tenant's clock: a manual one is frozen, which surprises whoever waits for a task. */
  clock?: { mode: 'real' | 'scaled' | 'manual'; now: number; scale: number };
  /** --state-file, and what it brought back. */
  stateFile?: { path: string; tenants?: number; tasks?: number };
  /** Ids of the fault rules loaded at start. */
  faultRules?: string[];
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
    `  ui       ${url}/_emulator/ui  (tasks, their history, the request journal)`,
  ];
  lines.push(...surprises(input));
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

/** What a user would otherwise be surprised by: a frozen or scaled clock, restored state, fault rules. */
function surprises(input: BannerInput): string[] {
  const lines: string[] = [];
  const clock = input.clock;
  if (clock?.mode === 'manual') {
    lines.push(`  clock    MANUAL, frozen at ${new Date(clock.now).toISOString()}: tasks stay where they are until POST /_emulator/clock/advance (or the dashboard's buttons)`);
  } else if (clock?.mode === 'scaled') {
    lines.push(`  clock    scaled x${clock.scale}: an hour of scenario passes in ${Math.round((3600 / clock.scale) * 10) / 10} s`);
  }
  const state = input.stateFile;
  if (state) {
    lines.push(
      state.tenants === undefined || state.tenants === 0
        ? `  state    ${state.path}: new, changes are kept across restarts`
        : `  state    restored from ${state.path}: ${state.tasks} tasks in ${state.tenants} tenant${state.tenants === 1 ? '' : 's'}`,
    );
  }
  const rules = input.faultRules ?? [];
  if (rules.length > 0) lines.push(`  faults   ${rules.length} fault rule${rules.length === 1 ? '' : 's'} loaded (${rules.join(', ')}): some requests will fail or be slow on purpose`);
  return lines;
}
