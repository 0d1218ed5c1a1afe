// Every option of the CLI, in one table. Adding an option is one entry here: its flag
// (--time-scale for `timeScale`), its environment variable (AGENT_TASKS_TIME_SCALE), its help line
// and its type all follow from the entry.
import { LOG_LEVELS, type LogLevel } from '../support/logger.js';
import { DEFAULT_SEED } from '../create-emulator.js';
import type { LinkStyle } from '../http/link-header.js';
import { httpUrl, integer, oneOf, text } from './value-parsers.js';

export const COMMANDS = ['serve', 'validate', 'contract'] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface OptionSpec<T> {
  /** Placeholder for the value in --help, e.g. `N`. */
  arg: string;
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
  linkStyle: option<LinkStyle>({
    arg: 'STYLE',
    description: "Link header style: description (the Agent Tasks description's) or github (GitHub's usual)",
    commands: ['serve'],
    default: 'description',
    parse: oneOf(LINK_STYLES),
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
