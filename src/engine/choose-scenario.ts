import type { ScenarioCatalogue } from './load-scenarios.js';
import type { StartHints } from './lifecycle.js';
import type { ChoiceSource } from '../model/task-history.js';

export type { ChoiceSource };

/** `[emulator:scenario=fails]` anywhere in a prompt: lets unmodified clients pick a scenario. */
const DIRECTIVE = /\[emulator:scenario=([a-z0-9][a-z0-9-]*)\]/i;

export type Choice = { ok: true; scenario: string; from: ChoiceSource } | { ok: false; field: string; message: string };

/**
 * Which scenario a new task follows, in this order (docs/lifecycle.md): an outcome queued through
 * the control API, a directive in the prompt, the x-emulator-scenario header, the repository's
 * default from the fixtures, the configured default.
 */
export function chooseScenario(input: {
  queued: string | undefined;
  prompt: string;
  hints: StartHints;
  defaultScenario: string;
  catalogue: ScenarioCatalogue;
}): Choice {
  const unknown = (field: string, name: string): Choice => ({
    ok: false,
    field,
    message: `unknown scenario ${name}; known: ${[...input.catalogue.keys()].sort().join(', ')}`,
  });
  if (input.queued !== undefined) return { ok: true, scenario: input.queued, from: 'queued outcome' };
  const directive = DIRECTIVE.exec(input.prompt)?.[1]?.toLowerCase();
  if (directive !== undefined) return input.catalogue.has(directive) ? { ok: true, scenario: directive, from: 'prompt directive' } : unknown('prompt', directive);
  const header = input.hints.headerScenario?.trim();
  if (header) return input.catalogue.has(header) ? { ok: true, scenario: header, from: 'request header' } : unknown('x-emulator-scenario', header);
  if (input.hints.repositoryScenario) return { ok: true, scenario: input.hints.repositoryScenario, from: 'repository default' };
  return { ok: true, scenario: input.defaultScenario, from: 'default' };
}
