import type { Emulator } from './create-emulator.js';

/**
 * Tokens by their fixture `name`. With the built-in fixtures: octocat, monalisa, hubot (classic
 * PATs), octocatReadOnly, octocatReadWrite, octocatNoAgentTasks (fine-grained), octocatOAuth,
 * octocatAppUser and installation (answers 403, as GitHub does for installation tokens).
 * fixtures/tokens.yaml says what each may do. Tokens without a name are not listed.
 */
export type EmulatorTokens = Readonly<Record<string, string>>;

export function emulatorTokens(emulator: Emulator): EmulatorTokens {
  const tokens: Record<string, string> = {};
  // Every tenant starts from the same fixtures, so the default tenant's directory speaks for all.
  for (const token of emulator.tenants.default.world.directory.tokens.values()) {
    if (token.name !== undefined) tokens[token.name] = token.value;
  }
  return Object.freeze(tokens);
}
