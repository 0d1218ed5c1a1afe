import type { Emulator } from './create-emulator.js';

/**
 * The names of the tokens in the built-in fixtures/tokens.yaml, which says what each may do:
 * classic PATs for three users, fine-grained PATs with read, read-and-write and no Agent tasks
 * permission, an OAuth and a GitHub App user token, and an installation token (answers 403, as
 * GitHub does). The values come from the fixtures; a test keeps this list equal to them.
 */
export const BUILT_IN_TOKEN_NAMES = [
  'octocat',
  'monalisa',
  'hubot',
  'octocatReadOnly',
  'octocatReadWrite',
  'octocatNoAgentTasks',
  'octocatOAuth',
  'octocatAppUser',
  'installation',
] as const;
export type BuiltInTokenName = (typeof BUILT_IN_TOKEN_NAMES)[number];

/** Tokens by their fixture `name`; tokens without a name are not listed. */
export type EmulatorTokens = Readonly<Record<string, string>>;
/** The tokens of the built-in fixtures, each known to be there. */
export type BuiltInTokens = Readonly<Record<BuiltInTokenName, string>> & EmulatorTokens;

export function emulatorTokens(emulator: Emulator): EmulatorTokens {
  const tokens: Record<string, string> = {};
  // Every tenant starts from the same fixtures, so the default tenant's directory speaks for all.
  for (const token of emulator.tenants.default.world.directory.tokens.values()) {
    if (token.name !== undefined) tokens[token.name] = token.value;
  }
  return Object.freeze(tokens);
}
