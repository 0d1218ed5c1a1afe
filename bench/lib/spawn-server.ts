import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export type ServerKind = 'emulator' | 'ceiling' | 'reference-create';

export interface MemorySample {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  /** Whether the child could collect garbage first (node --expose-gc). */
  gc: boolean;
}

export interface RunningServer {
  url: string;
  pid: number;
  /** From spawn to the first 200 answer to `probe` (when one was asked for). */
  msToFirst200?: number;
  /** Memory after two full collections in the child. */
  memory(): Promise<MemorySample>;
  stop(): Promise<void>;
}

const SCRIPTS: Record<ServerKind, string> = {
  emulator: fileURLToPath(new URL('../servers/emulator-server.mjs', import.meta.url)),
  ceiling: fileURLToPath(new URL('../servers/ceiling-server.mjs', import.meta.url)),
  'reference-create': fileURLToPath(new URL('../servers/reference-create-server.mjs', import.meta.url)),
};

/** A free loopback port, so the runner can poll the child before it says it is ready. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts a benchmark server in its own node process (plain node, no TypeScript loader, with
 * --expose-gc). With `probe`, polls it from the moment of spawning until it answers 200.
 */
export async function spawnServer(
  kind: ServerKind,
  options: Record<string, unknown> = {},
  probe?: { path: string; headers?: Record<string, string>; timeoutMs?: number },
  nodeArgs: string[] = [],
): Promise<RunningServer> {
  const port = await freePort();
  const env = { ...process.env };
  delete env.NODE_OPTIONS; // the child must not inherit the runner's loader
  const started = performance.now();
  const child = spawn(process.execPath, ['--expose-gc', ...nodeArgs, SCRIPTS[kind], JSON.stringify({ ...options, port })], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env,
  });
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`))));
  exited.catch(() => {});
  const url = `http://127.0.0.1:${port}`;
  let msToFirst200: number | undefined;
  if (probe) {
    const deadline = started + (probe.timeoutMs ?? 120_000);
    for (;;) {
      const ok = await fetch(`${url}${probe.path}`, { headers: probe.headers }).then(
        async (r) => (await r.arrayBuffer(), r.status === 200),
        () => false,
      );
      if (ok) break;
      if (child.exitCode !== null || performance.now() > deadline) {
        child.kill();
        throw new Error(`${kind} server gave no 200 on ${probe.path}`);
      }
      await new Promise((r) => setTimeout(r, 2));
    }
    msToFirst200 = performance.now() - started;
  }
  await Promise.race([nextMessage(child, 'ready'), exited]);
  return {
    url,
    pid: child.pid!,
    msToFirst200,
    memory: async () => {
      const reply = nextMessage(child, 'memory');
      child.send({ type: 'memory' });
      return (await Promise.race([reply, exited])) as unknown as MemorySample;
    },
    // Closing the IPC channel lets the child exit normally (so --cpu-prof writes its profile).
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => (clearTimeout(force), resolve()));
        child.disconnect();
      }),
  };
}

function nextMessage(child: ChildProcess, type: string): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const on = (message: Record<string, unknown>) => {
      if (message?.type !== type) return;
      child.off('message', on);
      resolve(message);
    };
    child.on('message', on);
  });
}
