// Every option of the CLI, in one table. Adding an option is one entry here: its flag
// (--time-scale for `timeScale`), its environment variable (AGENT_TASKS_TIME_SCALE), its help line
// and its type all follow from the entry.
import { LOG_LEVELS, type LogLevel } from '../support/logger.js';
import { LOG_FORMATS, type LogFormat } from '../support/pretty-log-line.js';
import { DEFAULT_SEED } from '../create-emulator.js';
import type { AppConfig } from '../app.js';
import type { ClockMode } from '../engine/clock.js';
import { DEFAULT_SCENARIO } from '../create-emulator.js';
import { boolean, duration, httpUrl, instant, integer, oneOf, positiveNumber, text } from './value-parsers.js';

export const COMMANDS = ['serve', 'validate', 'contract'] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface OptionSpec<T> {
  /** Placeholder for the value in --help, e.g. `N`; none for a switch (a flag without a value). */
  arg: string;
  /** A switch: `--ready-json` alone means true; its variable takes 1/true or 0/false. */
  switch?: true;
  description: string;
  /** The commands that take this option (`contract` parses its own arguments). */
  commands: readonly CommandName[];
  /** More environment variables, read after AGENT_TASKS_<NAME>: conventional ones like PORT. */
  env?: readonly string[];
  default?: T;
  /** Turns the text into a value, or throws an Error whose message says what was expected. */
  parse(raw: string): T;
}

function option<T>(spec: OptionSpec<T> & { default: T }): OptionSpec<T> & { default: T };
function option<T>(spec: OptionSpec<T>): OptionSpec<T>;
function option<T>(spec: OptionSpec<T>): OptionSpec<T> {
  return spec;
}

type LinkStyle = AppConfig['linkStyle'];
const LINK_STYLES: readonly LinkStyle[] = ['description', 'github'];

export const OPTIONS = {
  port: option({
    arg: 'N',
    description: 'port to listen on; 0 picks a free one',
    commands: ['serve'],
    env: ['PORT'],
    default: 4010,
    parse: integer(0, 65535),
  }),
  host: option({
    arg: 'HOST',
    description: 'address to bind; 0.0.0.0 for every interface (as in a container)',
    commands: ['serve'],
    env: ['HOST'],
    default: '127.0.0.1',
    parse: text,
  }),
  fixtures: option({
    arg: 'DIR',
    description: 'fixtures folder (accounts, repositories, tokens, tasks); default: the built-in set',
    commands: ['serve', 'validate'],
    parse: text,
  }),
  seed: option({
    arg: 'N',
    description: 'seed for generated tasks and ids: the same seed gives the same data',
    commands: ['serve'],
    default: DEFAULT_SEED,
    parse: integer(0, 2 ** 32 - 1),
  }),
  baseUrl: option({
    arg: 'URL',
    description: "public URL written into url fields and Link headers; default: each request's origin",
    commands: ['serve'],
    parse: httpUrl,
  }),
  logLevel: option<LogLevel>({
    arg: 'LEVEL',
    description: `${LOG_LEVELS.join(', ')}; info logs one JSON line per request`,
    commands: ['serve'],
    default: 'info',
    parse: oneOf(LOG_LEVELS),
  }),
  logFormat: option<LogFormat>({
    arg: 'FORMAT',
    description: 'pretty (one short coloured line per event; the default on a terminal) or json (JSON lines with tenant and user; the default otherwise)',
    commands: ['serve'],
    parse: oneOf(LOG_FORMATS),
  }),
  linkStyle: option<LinkStyle>({
    arg: 'STYLE',
    description: "Link header style: description (the Agent Tasks description's) or github (GitHub's usual)",
    commands: ['serve'],
    default: 'description',
    parse: oneOf(LINK_STYLES),
  }),
  clock: option<ClockMode>({
    arg: 'MODE',
    description: 'real (wall-clock time), scaled (--time-scale times faster) or manual (frozen; move it with POST /_emulator/clock/advance)',
    commands: ['serve'],
    default: 'real',
    parse: oneOf(['real', 'scaled', 'manual'] as const),
  }),
  timeScale: option({
    arg: 'N',
    description: 'virtual seconds per real second with --clock scaled (default 60); alone it implies --clock scaled, with --clock real or manual it is an error',
    commands: ['serve'],
    parse: positiveNumber,
  }),
  clockStart: option({
    arg: 'TIME',
    description: 'where a manual or scaled clock starts (ISO 8601); default: now',
    commands: ['serve'],
    parse: instant,
  }),
  scenarios: option({
    arg: 'DIR',
    description: 'a folder of scenario files, added to the built-in ones (a same-named one replaces it)',
    commands: ['serve', 'validate'],
    parse: text,
  }),
  defaultScenario: option({
    arg: 'NAME',
    description: 'the scenario a task follows when nothing else chooses',
    commands: ['serve', 'validate'],
    default: DEFAULT_SCENARIO,
    parse: text,
  }),
  controlToken: option({
    arg: 'TOKEN',
    description: 'require this token (X-Emulator-Control-Token or Authorization: Bearer) on the control API',
    commands: ['serve'],
    parse: text,
  }),
  stateFile: option({
    arg: 'PATH',
    description: 'keep tenants, tasks and clocks in this file across restarts (and PATH.log)',
    commands: ['serve'],
    parse: text,
  }),
  faults: option({
    arg: 'FILE',
    description: 'fault rules (YAML or JSON) every tenant starts with; see docs/faults.md',
    commands: ['serve', 'validate'],
    parse: text,
  }),
  tenantIdle: option({
    arg: 'DURATION',
    description: 'forget a named tenant unused this long (milliseconds, or 30s, 30m, 1h)',
    commands: ['serve'],
    default: 30 * 60_000,
    parse: duration,
  }),
  maxTenants: option({
    arg: 'N',
    description: 'tenants alive at once (the default one included); past it a new tenant is refused with a 503 until one goes idle',
    commands: ['serve'],
    default: 1000,
    parse: integer(1, 1_000_000),
  }),
  readyJson: option({
    arg: '',
    switch: true,
    description: 'once listening, print one JSON line (url, tokens, version, pid) instead of the banner: for any test runner',
    commands: ['serve'],
    default: false,
    parse: boolean,
  }),
  journalSize: option({
    arg: 'N',
    description: 'API requests each tenant journal keeps (GET /_emulator/journal)',
    commands: ['serve'],
    default: 1000,
    parse: integer(0, 1_000_000),
  }),
} satisfies Record<string, OptionSpec<any>>;

export type OptionName = keyof typeof OPTIONS;

/** The parsed options: options with a default always have a value. */
export type CliOptions = {
  [K in OptionName]: (typeof OPTIONS)[K] extends { default: infer D } ? D : ReturnType<(typeof OPTIONS)[K]['parse']> | undefined;
};

/** `baseUrl` -> `base-url` */
export function flagOf(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** `baseUrl` -> `AGENT_TASKS_BASE_URL` */
export function envOf(name: string): string {
  return `AGENT_TASKS_${flagOf(name).replace(/-/g, '_').toUpperCase()}`;
}

export function optionsOf(command: CommandName): OptionName[] {
  return (Object.keys(OPTIONS) as OptionName[]).filter((name) => (OPTIONS[name].commands as readonly string[]).includes(command));
}
