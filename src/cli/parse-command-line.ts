import { parseArgs } from 'node:util';
import { COMMANDS, OPTIONS, envOf, flagOf, optionsOf, type CliOptions, type CommandName, type OptionName } from './cli-options.js';
import { checkOptionConflicts, type OptionSources } from './option-conflicts.js';
import { UsageError } from './usage-error.js';

export type Command =
  | { name: 'help'; topic?: CommandName }
  | { name: 'version' }
  | { name: 'serve'; options: CliOptions }
  | { name: 'validate'; options: CliOptions }
  /** Arguments after `contract`, untouched: the contract command parses its own. */
  | { name: 'contract'; argv: string[] };

export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Reads `agent-tasks-emulator [command] [options]`. The command is the first argument when it
 * does not start with a dash, and `serve` otherwise. Each option comes from its flag, else its
 * environment variables in order, else its default. Throws UsageError for anything it cannot use.
 */
export function parseCommandLine(argv: readonly string[], env: Environment): Command {
  const [first, ...rest] = argv;
  if (first === 'contract') return { name: 'contract', argv: rest };
  const named = first !== undefined && !first.startsWith('-');
  if (named && !(COMMANDS as readonly string[]).includes(first)) {
    throw new UsageError(`unknown command "${first}"; the commands are ${COMMANDS.join(', ')}`);
  }
  const command = (named ? first : 'serve') as Exclude<CommandName, 'contract'>;
  const names = optionsOf(command);
  const flags = readFlags(named ? rest : argv, command, names);
  if (flags.help) return { name: 'help', topic: named ? command : undefined };
  if (flags.version) return { name: 'version' };
  const options = {} as Record<OptionName, unknown>;
  const sources: OptionSources = {};
  for (const name of Object.keys(OPTIONS) as OptionName[]) {
    if (!names.includes(name)) {
      options[name] = OPTIONS[name].default;
      continue;
    }
    const { value, source } = resolve(name, flags.values[name], env);
    options[name] = value;
    if (source !== undefined) sources[name] = source;
  }
  checkOptionConflicts(options as CliOptions, sources);
  return { name: command, options: options as CliOptions };
}

function readFlags(args: readonly string[], command: CommandName, names: OptionName[]) {
  try {
    const { values } = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
        ...Object.fromEntries(names.map((name) => [flagOf(name), { type: OPTIONS[name].switch ? ('boolean' as const) : ('string' as const) }])),
      },
    });
    const byName = {} as Partial<Record<OptionName, string>>;
    for (const name of names) {
      const value = (values as Record<string, string | boolean | undefined>)[flagOf(name)];
      byName[name] = typeof value === 'boolean' ? String(value) : value;
    }
    return { help: values.help === true, version: values.version === true, values: byName };
  } catch (error) {
    // parseArgs marks its complaints with codes ERR_PARSE_ARGS_*; its text for an unknown option
    // goes on about positionals, so that one gets a shorter message that points to --help.
    const code = String((error as { code?: unknown }).code);
    const message = (error as Error).message;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const flag = /'([^']+)'/.exec(message)?.[1] ?? 'option';
      throw new UsageError(`unknown option ${flag} for ${command}`);
    }
    if (code.startsWith('ERR_PARSE_ARGS')) throw new UsageError(message);
    throw error;
  }
}

/** Where the value came from (`--clock`, `AGENT_TASKS_CLOCK`), or undefined for a default. */
function resolve(name: OptionName, flag: string | undefined, env: Environment): { value: unknown; source?: string } {
  const spec = OPTIONS[name];
  const sources: Array<[string, string | undefined]> = [
    [`--${flagOf(name)}`, flag],
    // An empty variable counts as unset: `PORT=` in a compose file or CI matrix means "no value".
    ...[envOf(name), ...(spec.env ?? [])].map((v): [string, string | undefined] => [v, env[v] || undefined]),
  ];
  const found = sources.find(([, value]) => value !== undefined);
  if (!found) return { value: spec.default };
  const [source, raw] = found;
  try {
    return { value: spec.parse(raw!), source };
  } catch (error) {
    throw new UsageError(`${source} must be ${(error as Error).message}, not ${JSON.stringify(raw)}`);
  }
}
