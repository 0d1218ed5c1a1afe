import { parseArgs } from 'node:util';
import { COMMANDS, OPTIONS, envOf, flagOf, optionsOf, type CliOptions, type CommandName, type OptionName } from './cli-options.js';
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
  for (const name of Object.keys(OPTIONS) as OptionName[]) {
    options[name] = names.includes(name) ? resolve(name, flags.values[name], env) : OPTIONS[name].default;
  }
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
        ...Object.fromEntries(names.map((name) => [flagOf(name), { type: 'string' as const }])),
      },
    });
    const byName = {} as Partial<Record<OptionName, string>>;
    for (const name of names) byName[name] = (values as Record<string, string | undefined>)[flagOf(name)];
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

function resolve(name: OptionName, flag: string | undefined, env: Environment): unknown {
  const spec = OPTIONS[name];
  const sources: Array<[string, string | undefined]> = [
    [`--${flagOf(name)}`, flag],
    // An empty variable counts as unset: `PORT=` in a compose file or CI matrix means "no value".
    ...[envOf(name), ...(spec.env ?? [])].map((v): [string, string | undefined] => [v, env[v] || undefined]),
  ];
  const found = sources.find(([, value]) => value !== undefined);
  if (!found) return spec.default;
  const [source, raw] = found;
  try {
    return spec.parse(raw!);
  } catch (error) {
    throw new UsageError(`${source} must be ${(error as Error).message}, not ${JSON.stringify(raw)}`);
  }
}
