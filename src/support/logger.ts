// Structured logging as JSON lines. The level is fixed when the logger is made, so callers can ask
// `enabled()` once and leave work (such as a per-request middleware) out entirely when it is off.

import { formatPrettyLine, type LogFormat } from './pretty-log-line.js';

export const LOG_LEVELS = ['silent', 'error', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
type EntryLevel = Exclude<LogLevel, 'silent'>;

/** Where finished lines go; the level lets a sink send errors to stderr and the rest to stdout. */
export type LogSink = (line: string, level: EntryLevel) => void;

export interface Logger {
  readonly level: LogLevel;
  enabled(level: EntryLevel): boolean;
  error(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  debug(msg: string, fields?: Record<string, unknown>): void;
}

export interface LoggerOptions {
  level: LogLevel;
  sink: LogSink;
  /** Wall-clock time in epoch ms for the `time` field (injected, like every clock here). */
  now: () => number;
  /** JSON lines (the default), or one short line per event for a person (support/pretty-log-line.ts). */
  format?: LogFormat;
  /** Colour pretty lines (a terminal that takes colour). */
  colour?: boolean;
}

export function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

export function createLogger(options: LoggerOptions): Logger {
  const rank = LOG_LEVELS.indexOf(options.level);
  const enabled = (level: EntryLevel) => LOG_LEVELS.indexOf(level) <= rank;
  const write = (level: EntryLevel) => (msg: string, fields?: Record<string, unknown>) => {
    if (!enabled(level)) return;
    if (options.format === 'pretty') return options.sink(formatPrettyLine(options.now(), level, msg, fields, options.colour ?? false), level);
    options.sink(JSON.stringify({ time: new Date(options.now()).toISOString(), level, msg, ...fields }), level);
  };
  return { level: options.level, enabled, error: write('error'), info: write('info'), debug: write('debug') };
}

/** The default sink of a process: errors to stderr, everything else to stdout. */
export const processSink: LogSink = (line, level) => (level === 'error' ? process.stderr : process.stdout).write(`${line}\n`);

/** Fields describing an unexpected error, with its stack for whoever reads the log. */
export function errorFields(error: unknown): Record<string, unknown> {
  return error instanceof Error ? { error: error.message, stack: error.stack } : { error: String(error) };
}
