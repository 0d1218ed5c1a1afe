import { fileURLToPath } from 'node:url';
import type { CliIo } from './cli-io.js';

/** What src/contract/run-contract-command.ts exports: runs the kit, resolves to an exit code. */
export type ContractCommand = (argv: string[], env: NodeJS.ProcessEnv) => Promise<number>;

/**
 * Where the contract kit's command lives, relative to this file: dist/contract/... when built,
 * src/contract/... under tsx. It is imported only when `contract` runs, so serving never pays for
 * the kit, and a build without it still serves.
 */
export const CONTRACT_MODULE = new URL('../contract/run-contract-command.js', import.meta.url);

export const CONTRACT_UNAVAILABLE =
  'agent-tasks-emulator: the contract command is not available in this build (no contract/run-contract-command module).\n';

/** `agent-tasks-emulator contract ...`: hands the arguments to the kit; exit code 2 without it. */
export async function runContract(
  argv: string[],
  env: NodeJS.ProcessEnv,
  io: CliIo,
  load: () => Promise<ContractCommand | undefined> = () => loadContractCommand(),
): Promise<number> {
  const command = await load();
  if (!command) {
    io.err(CONTRACT_UNAVAILABLE);
    return 2;
  }
  return command(argv, env);
}

/** The kit's command, or undefined when its module is absent. Other import failures propagate. */
export async function loadContractCommand(url: URL = CONTRACT_MODULE): Promise<ContractCommand | undefined> {
  let module: { runContractCommand?: unknown };
  try {
    module = (await import(url.href)) as typeof module;
  } catch (error) {
    if (isMissing(error, url)) return undefined;
    throw error;
  }
  if (typeof module.runContractCommand !== 'function') throw new Error(`${url.href} does not export a function runContractCommand`);
  return module.runContractCommand as ContractCommand;
}

/**
 * Whether the import failed because the module itself is missing, and not because something it
 * imports is (a dependency missing from a production install must not pass for "not in this
 * build"). Node names the missing module first in its message, and as `url` on Node 20+.
 */
function isMissing(error: unknown, url: URL): boolean {
  const e = error as { code?: unknown; url?: unknown; message?: unknown };
  if (e?.code !== 'ERR_MODULE_NOT_FOUND') return false;
  if (e.url === url.href) return true;
  const named = /^Cannot find module '([^']+)'/.exec(String(e.message))?.[1];
  return named === url.href || named === fileURLToPath(url);
}
