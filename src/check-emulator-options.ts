// In-process options are checked by name at run time: TypeScript catches a misspelt option only
// in typed code, and a plain-JavaScript test that passes `clock: 'manual'` would otherwise run on
// a real clock and just wait (issue #20).
import type { EmulatorOptions } from './create-emulator.js';

/**
 * Every option createEmulator reads, keyed so the type checker refuses a missing or extra name:
 * adding an option to EmulatorOptions (or AppConfig) means adding it here.
 */
const EMULATOR_OPTION_KEYS: Record<keyof EmulatorOptions, true> = {
  seed: true,
  fixtures: true,
  fixturesDir: true,
  timeSource: true,
  clockMode: true,
  timeScale: true,
  clockStart: true,
  scenarios: true,
  scenarioDirs: true,
  defaultScenario: true,
  journalSize: true,
  stateFile: true,
  warn: true,
  onStateFileBroken: true,
  stateFileSystem: true,
  tenantIdleMs: true,
  maxTenants: true,
  logError: true,
  faultRules: true,
  faultRulesFile: true,
  rateLimits: true,
  sleep: true,
  logLevel: true,
  logSink: true,
  logFormat: true,
  logColour: true,
  baseUrl: true,
  webBaseUrl: true,
  linkStyle: true,
  maxBodyBytes: true,
  controlToken: true,
};

export const EMULATOR_OPTION_NAMES: readonly string[] = Object.keys(EMULATOR_OPTION_KEYS);

/** The CLI's names (and other likely guesses) for options that are spelt differently in-process. */
const IN_PROCESS_NAMES: Readonly<Record<string, string>> = {
  clock: 'clockMode',
  faults: 'faultRulesFile',
  tenantIdle: 'tenantIdleMs',
  scenarioDir: 'scenarioDirs',
  fixtureDir: 'fixturesDir',
};

/** Thrown for an option the emulator does not know or a combination it cannot honour. */
export class EmulatorOptionsError extends TypeError {
  override readonly name = 'EmulatorOptionsError';
}

/**
 * Refuses names outside `valid`, naming the valid ones (and the in-process name of a CLI one), and
 * values of the right name but the CLI's meaning (a folder given as `fixtures`).
 */
export function checkOptionNames(options: object, valid: readonly string[], caller: string): void {
  const unknown = Object.keys(options).filter((name) => !valid.includes(name));
  if (unknown.length > 0) {
    const described = unknown.map((name) => (IN_PROCESS_NAMES[name] ? `${name} (did you mean ${IN_PROCESS_NAMES[name]}?)` : name));
    throw new EmulatorOptionsError(
      `${caller}: unknown option${unknown.length > 1 ? 's' : ''} ${described.join(', ')}; the options are ${[...valid].sort().join(', ')}`,
    );
  }
}

/** Values whose name is right but whose kind is the CLI's, and combinations that contradict. */
export function checkOptionValues(options: EmulatorOptions, caller: string): void {
  if (typeof options.fixtures === 'string') {
    throw new EmulatorOptionsError(`${caller}: fixtures takes parsed fixtures; for a folder use fixturesDir: ${JSON.stringify(options.fixtures)}`);
  }
  if (options.scenarios !== undefined && !(options.scenarios instanceof Map)) {
    throw new EmulatorOptionsError(`${caller}: scenarios takes a loaded scenario catalogue; for folders use scenarioDirs: [...]`);
  }
  if (options.timeScale !== undefined && (options.clockMode === 'real' || options.clockMode === 'manual')) {
    throw new EmulatorOptionsError(
      `${caller}: timeScale applies only to clockMode 'scaled', not '${options.clockMode}' (leave clockMode out, or set it to 'scaled')`,
    );
  }
}
