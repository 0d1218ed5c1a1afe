import { checkOptionNames, EMULATOR_OPTION_NAMES } from './check-emulator-options.js';
import { createEmulator, type Emulator, type EmulatorOptions } from './create-emulator.js';

/** The shape of the global fetch, as octokit's `request.fetch` and openapi-fetch's `fetch` take it. */
export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface EmulatorFetchOptions extends EmulatorOptions {
  /** Serve this emulator (for example the one behind startEmulator) instead of creating one. */
  emulator?: Emulator;
}

/**
 * A fetch that hands each request straight to an emulator's app: no port, no sockets, so tests
 * can run in parallel without servers. Any origin works (octokit's default https://api.github.com
 * included): only the path picks the operation and tenant, and `url` fields echo the origin used.
 */
export function createEmulatorFetch(options: EmulatorFetchOptions = {}): FetchFunction {
  checkOptionNames(options, [...EMULATOR_OPTION_NAMES, 'emulator'], 'createEmulatorFetch');
  const { emulator, ...emulatorOptions } = options;
  const { app } = emulator ?? createEmulator(emulatorOptions);
  return async (input, init) => app.fetch(new Request(input, init));
}
