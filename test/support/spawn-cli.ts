import { spawn, type ChildProcess } from 'node:child_process';

export interface CliProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** The URL from the start-up banner ("listening on http://..."). */
  url(): Promise<string>;
  /** Resolves when the process has exited, with its exit code (null when killed by a signal). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Runs a CLI and collects its output; `url()` waits for the banner. The program is this Node
 * (`node <args>`) unless `command` names an executable, such as an installed bin.
 */
export function spawnCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; command?: string } = {}): CliProcess {
  const child = spawn(options.command ?? process.execPath, args, { cwd: options.cwd, env: options.env ?? cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = () =>
    new Promise<string>((resolve, reject) => {
      const look = () => {
        const match = /listening on (http:\/\/\S+)/.exec(out);
        if (match) {
          child.stdout!.off('data', look);
          resolve(match[1]!);
        }
      };
      child.stdout!.on('data', look);
      look();
      void exited.then(({ code }) => reject(new Error(`exited with ${code} before listening:\n${out}\n${err}`)));
    });
  return { child, stdout: () => out, stderr: () => err, url, exited };
}

/** The environment without the emulator's own variables, so a developer's shell cannot sway a test. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AGENT_TASKS_') && k !== 'PORT' && k !== 'HOST'));
  return { ...env, ...extra };
}
