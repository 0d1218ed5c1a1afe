import type { CliOptions, OptionName } from './cli-options.js';
import { UsageError } from './usage-error.js';

/** For each option given on the command line or in the environment: the flag or variable it came from. */
export type OptionSources = Partial<Record<OptionName, string>>;

/**
 * Options that contradict each other are a usage error rather than one of them silently losing:
 * `--clock manual --time-scale 60` would otherwise freeze the clock the user asked to run fast.
 * Only options the user gave count; a default never conflicts.
 */
export function checkOptionConflicts(options: CliOptions, sources: OptionSources): void {
  if (sources.timeScale && sources.clock && options.clock !== 'scaled') {
    throw new UsageError(
      `${sources.timeScale} runs a scaled clock, but ${sources.clock} asks for ${options.clock}: give ${sources.clock} scaled, or leave it out`,
    );
  }
}
