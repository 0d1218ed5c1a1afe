import { createControlClient, type ControlClient } from './control-client.js';
import { checkOptionNames, checkOptionValues, EMULATOR_OPTION_NAMES } from './check-emulator-options.js';
import { createEmulator, type Emulator, type EmulatorOptions } from './create-emulator.js';
import { createEmulatorFetch, type FetchFunction } from './emulator-fetch.js';
import { emulatorTokens, type BuiltInTokens, type EmulatorTokens } from './emulator-tokens.js';
import { closeGracefully } from './support/close-gracefully.js';
import { listen } from './support/listen.js';

export interface StartOptions extends EmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** How long stop() lets requests in flight finish before cutting them off (default 1000 ms). */
  stopGraceMs?: number;
}

const LISTEN_OPTION_NAMES = ['port', 'host', 'stopGraceMs'] as const satisfies ReadonlyArray<Exclude<keyof StartOptions, keyof EmulatorOptions>>;
const START_OPTION_NAMES: readonly string[] = [...EMULATOR_OPTION_NAMES, ...LISTEN_OPTION_NAMES];

/** Options that keep the built-in fixtures, so the built-in token names are known to exist. */
export type BuiltInFixturesStartOptions = StartOptions & { fixtures?: undefined; fixturesDir?: undefined };

export interface RunningEmulator<Tokens extends EmulatorTokens = EmulatorTokens> {
  /** Base URL of the default tenant, e.g. http://127.0.0.1:41234; a tenant lives at `${url}/t/<name>`. */
  url: string;
  /** Tokens by fixture name: `tokens.octocat`, `tokens.octocatReadOnly`, ... (see emulator-tokens.ts). */
  tokens: Tokens;
  /** A port-less fetch into the same emulator, for octokit's `request.fetch` or openapi-fetch. */
  fetch: FetchFunction;
  /** The /_emulator API of the default tenant. */
  control: ControlClient;
  emulator: Emulator;
  /** Stops accepting, lets requests in flight finish, then closes. Safe to call twice. */
  stop(): Promise<void>;
}

/** Starts an emulator on a free port in this process, for test runners. Logging is off by default. */
export function startEmulator(options?: BuiltInFixturesStartOptions): Promise<RunningEmulator<BuiltInTokens>>;
export function startEmulator(options?: StartOptions): Promise<RunningEmulator>;
export async function startEmulator(options: StartOptions = {}): Promise<RunningEmulator<BuiltInTokens>> {
  checkOptionNames(options, START_OPTION_NAMES, 'startEmulator');
  const { port, host, stopGraceMs, ...emulatorOptions } = options;
  checkOptionValues(emulatorOptions, 'startEmulator');
  const emulator = createEmulator(emulatorOptions);
  const { server, url } = await listen({
    fetch: emulator.app.fetch,
    port: port ?? 0,
    host: host ?? '127.0.0.1',
    overrideGlobalObjects: false,
  });
  const fetch = createEmulatorFetch({ emulator });
  let stopping: Promise<void> | undefined;
  return {
    url,
    // Typed by the overloads: with the built-in fixtures every built-in name is there.
    tokens: emulatorTokens(emulator) as BuiltInTokens,
    fetch,
    // Port-less, so a test that mocks the global fetch (MSW, nock) cannot intercept control calls.
    control: createControlClient({ baseUrl: url, fetch, controlToken: options.controlToken }),
    emulator,
    stop: () => (stopping ??= closeGracefully(server, stopGraceMs ?? 1000)),
  };
}
