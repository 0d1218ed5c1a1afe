#!/usr/bin/env node
// The command line: the only place that reads argv and the environment, and that listens.
import { serve } from '@hono/node-server';
import { parseArgs } from 'node:util';
import { createEmulator, DEFAULT_SEED } from './create-emulator.js';
import { FixtureError } from './fixtures/parse-fixtures.js';

const USAGE = `Usage: agent-tasks-emulator [options]

  --port N          port to listen on (PORT, default 4010; 0 picks a free one)
  --host H          address to bind (HOST, default 127.0.0.1)
  --fixtures DIR    fixtures folder (default: the built-in set)
  --seed N          seed for generated data and ids (default ${DEFAULT_SEED})
  --base-url URL    public URL written into url fields (default: each request's origin)
  --help            show this help
`;

function main(argv: string[], env: NodeJS.ProcessEnv): void {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      fixtures: { type: 'string' },
      seed: { type: 'string' },
      'base-url': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const port = Number(values.port ?? env.PORT ?? 4010);
  const host = values.host ?? env.HOST ?? '127.0.0.1';
  const seed = Number(values.seed ?? DEFAULT_SEED);
  const emulator = createEmulator({
    seed,
    fixturesDir: values.fixtures,
    baseUrl: values['base-url'],
    logError: (e) => console.error(e),
  });
  const token = [...emulator.tenants.default.world.directory.tokens.values()].find((t) => t.kind === 'classic');
  serve({ fetch: emulator.app.fetch, port, hostname: host }, (info) => {
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${info.port}`;
    console.log(`agent-tasks-emulator listening on ${url}`);
    if (token) console.log(`try: curl -H "Authorization: Bearer ${token.value}" ${url}/agents/tasks`);
  });
}

try {
  main(process.argv.slice(2), process.env);
} catch (error) {
  if (error instanceof FixtureError || (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    console.error(`agent-tasks-emulator: ${(error as Error).message}`);
    process.exit(2);
  }
  throw error;
}
