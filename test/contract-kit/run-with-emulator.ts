// Starts the emulator as a separate process (the CLI, over real HTTP), runs a command against it
// with CONTRACT_BASE_URL set, stops the emulator, and exits with the command's code. CI uses it to
// run the contract suite in URL mode, and with --play-github to exercise the suite's GitHub path
// against an emulator standing in for api.github.com.
//
//   tsx test/contract-kit/run-with-emulator.ts [--play-github] [--dist] -- vitest run --project contract
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { EMULATOR_DEFAULTS } from '../contract/harness/emulator-defaults.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LISTENING = /^agent-tasks-emulator listening on (http:\/\/\S+)$/;
const START_TIMEOUT_MS = 20_000;

/** The variables that point the suite's GitHub mode at an emulator with its built-in fixtures. */
export function playGitHubEnv(url: string): Record<string, string> {
  return {
    CONTRACT_TARGET: 'github',
    CONTRACT_BASE_URL: url,
    CONTRACT_TOKEN: EMULATOR_DEFAULTS.token,
    CONTRACT_REPO: EMULATOR_DEFAULTS.repo,
    CONTRACT_ALLOW_WRITES: '1',
    CONTRACT_INSTALLATION_TOKEN: EMULATOR_DEFAULTS.installationToken,
    CONTRACT_NO_PERMISSION_TOKEN: EMULATOR_DEFAULTS.noPermissionToken,
    CONTRACT_READ_ONLY_TOKEN: EMULATOR_DEFAULTS.readOnlyToken,
    CONTRACT_HIDDEN_REPO: EMULATOR_DEFAULTS.hiddenRepo,
    CONTRACT_OTHER_REPO: EMULATOR_DEFAULTS.otherRepo,
    // What answers is the emulator: its known gaps apply, not GitHub's.
    CONTRACT_KNOWN_GAPS: 'emulator',
  };
}

/** Spawns the CLI on a free port and resolves with its URL once it prints the listening line. */
export function spawnEmulator(useDist: boolean): Promise<{ child: ChildProcess; url: string }> {
  const args = useDist ? ['dist/main.js', '--port', '0'] : ['--import', 'tsx', 'src/main.ts', '--port', '0'];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`the emulator did not print its URL within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
    const lines = createInterface({ input: child.stdout! });
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill();
      reject(error);
    };
    child.once('exit', (code) => fail(new Error(`the emulator exited (code ${code}) before listening`)));
    lines.once('line', (line) => {
      const match = LISTENING.exec(line.trim());
      if (!match) return fail(new Error(`the emulator's first line is not "agent-tasks-emulator listening on URL": ${line}`));
      clearTimeout(timer);
      child.removeAllListeners('exit');
      // Keep draining its output so the emulator never blocks on a full pipe.
      lines.on('line', () => {});
      resolve({ child, url: match[1]! });
    });
  });
}

async function main(argv: string[]): Promise<number> {
  const separator = argv.indexOf('--');
  const options = separator < 0 ? argv : argv.slice(0, separator);
  const command = separator < 0 ? [] : argv.slice(separator + 1);
  if (command.length === 0) {
    process.stderr.write('usage: run-with-emulator.ts [--play-github] [--dist] -- <command> [args]\n');
    return 2;
  }
  const { child, url } = await spawnEmulator(options.includes('--dist'));
  const extra = options.includes('--play-github') ? playGitHubEnv(url) : { CONTRACT_BASE_URL: url };
  process.stdout.write(`run-with-emulator: emulator process ${child.pid} at ${url}\n`);
  try {
    return await new Promise<number>((resolve) => {
      const run = spawn(command[0]!, command.slice(1), { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...extra } });
      run.once('error', (error) => {
        process.stderr.write(`run-with-emulator: ${error.message}\n`);
        resolve(127);
      });
      run.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    });
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: Error) => {
      process.stderr.write(`run-with-emulator: ${error.message}\n`);
      process.exit(1);
    },
  );
}
