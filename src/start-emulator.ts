import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createEmulator, type Emulator, type EmulatorOptions } from './create-emulator.js';

export interface StartOptions extends EmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
}

export interface RunningEmulator {
  /** Base URL of the default tenant, e.g. http://127.0.0.1:41234 */
  url: string;
  /** Built-in tokens by fixture description order: `tokens.octocat` is a classic PAT. */
  tokens: Record<string, string>;
  emulator: Emulator;
  stop(): Promise<void>;
}

/** Starts an emulator on a free port in this process, for test runners. */
export async function startEmulator(options: StartOptions = {}): Promise<RunningEmulator> {
  const emulator = createEmulator(options);
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: emulator.app.fetch, port: options.port ?? 0, hostname: host }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const tokens: Record<string, string> = {};
  for (const t of emulator.tenants.default.world.directory.tokens.values()) {
    const key = t.kind === 'classic' ? t.user.login : `${t.user.login}_${t.kind}${t.agentTasks !== 'write' ? `_${t.agentTasks}` : ''}`;
    tokens[key] ??= t.value;
  }
  return {
    url: `http://${host}:${port}`,
    tokens,
    emulator,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
