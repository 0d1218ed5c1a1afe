import { OPTIONS, envOf, flagOf, optionsOf, type CommandName } from './cli-options.js';

const SUMMARIES: Record<CommandName, string> = {
  serve: "serve GitHub's Agent Tasks API (the default command)",
  validate: 'check a fixtures folder and exit: 0 when valid, 1 when not',
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
  for (const name of optionsOf(topic ?? 'serve')) {
    const spec = OPTIONS[name];
    const env = [envOf(name), ...(spec.env ?? [])].join(', ');
    const fallback = 'default' in spec ? `; default ${String(spec.default)}` : '';
    lines.push(`  --${`${flagOf(name)} ${spec.arg}`.padEnd(20)}${spec.description}`);
    lines.push(`  ${''.padEnd(22)}(env ${env}${fallback})`);
  }
  lines.push(`  ${'-h, --help'.padEnd(22)}show this help`);
  if (topic === undefined) {
    lines.push(
      `  ${'--version'.padEnd(22)}print the version`,
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
