import { OPTIONS, envOf, flagOf, optionsOf, type CommandName } from './cli-options.js';

const SUMMARIES: Record<CommandName, string> = {
  serve: "serve GitHub's Agent Tasks API (the default command)",
  validate: 'check fixtures, scenarios and fault rules and exit: 0 when valid, 1 when not',
  contract: 'run the contract test kit against an emulator or api.github.com (see contract --help)',
};

const NAME = 'agent-tasks-emulator';

/** The --help text, from the option table so it cannot drift from what the parser accepts. */
export function formatUsage(topic?: CommandName): string {
  const lines: string[] = [];
  if (topic === undefined) {
    lines.push(`Usage: ${NAME} [command] [options]`, '', 'Commands:');
    for (const [name, summary] of Object.entries(SUMMARIES)) lines.push(`  ${name.padEnd(10)}${summary}`);
    lines.push('', 'Options of serve:');
  } else {
    lines.push(`Usage: ${NAME} ${topic} [options]`, '', `${capitalise(SUMMARIES[topic])}.`, '', 'Options:');
  }
  const names = optionsOf(topic ?? 'serve');
  const flag = (name: (typeof names)[number]) => `--${flagOf(name)}${OPTIONS[name].arg ? ` ${OPTIONS[name].arg}` : ''}`;
  const width = Math.max(20, ...names.map((n) => flag(n).length + 2));
  for (const name of names) {
    const spec = OPTIONS[name];
    const env = [envOf(name), ...(spec.env ?? [])].join(', ');
    const fallback = 'default' in spec ? `; default ${String(spec.default)}` : '';
    lines.push(`  ${flag(name).padEnd(width)}${spec.description}`);
    lines.push(`  ${''.padEnd(width)}(env ${env}${fallback})`);
  }
  lines.push(`  ${'-h, --help'.padEnd(width)}show this help`);
  if (topic === undefined) {
    lines.push(
      `  ${'--version'.padEnd(width)}print the version`,
      '',
      'A flag wins over its environment variable; an empty variable counts as unset.',
      'Exit codes: 0 success, 1 failure (invalid fixtures, port in use), 2 usage error.',
      `Requests to <url>/t/<name>/... go to tenant <name>, with its own state.`,
      `Stop with SIGINT (Ctrl-C) or SIGTERM: requests in flight finish, then the process exits 0.`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
