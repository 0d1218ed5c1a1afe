import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTRACT_MODULE, CONTRACT_UNAVAILABLE, loadContractCommand, runContract, type ContractCommand } from './contract-command.js';

const dir = mkdtempSync(join(tmpdir(), 'contract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const moduleWith = (name: string, source: string) => {
  writeFileSync(join(dir, name), source);
  return pathToFileURL(join(dir, name));
};

function collect() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

describe('runContract', () => {
  it('says the command is not available and exits 2 when the kit is not in the build', async () => {
    const { io, out, err } = collect();
    expect(await runContract(['--help'], {}, io, async () => undefined)).toBe(2);
    expect(err.join('')).toBe(CONTRACT_UNAVAILABLE);
    expect(CONTRACT_UNAVAILABLE).toContain('not available in this build');
    expect(out).toEqual([]);
  });

  it('hands the arguments and environment to the kit and returns its exit code', async () => {
    const calls: Array<[string[], NodeJS.ProcessEnv]> = [];
    const kit: ContractCommand = async (argv, env) => {
      calls.push([argv, env]);
      return 3;
    };
    const env = { AGENT_TASKS_TARGET: 'x' };
    expect(await runContract(['--target', 'http://e'], env, collect().io, async () => kit)).toBe(3);
    expect(calls).toEqual([[['--target', 'http://e'], env]]);
  });
});

describe('loadContractCommand', () => {
  it('looks for the kit next to the cli folder', () => {
    expect(CONTRACT_MODULE.pathname).toMatch(/\/contract\/run-contract-command\.js$/);
  });

  it('returns the exported function', async () => {
    const url = moduleWith('kit.mjs', 'export async function runContractCommand(argv) { return argv.length; }');
    const command = await loadContractCommand(url);
    expect(await command?.(['a', 'b'], {})).toBe(2);
  });

  it('returns undefined when the module itself is missing', async () => {
    expect(await loadContractCommand(pathToFileURL(join(dir, 'absent.mjs')))).toBeUndefined();
  });

  it('does not mistake a missing dependency of the kit for a missing kit', async () => {
    const url = moduleWith('broken.mjs', "import './gone.mjs'; export async function runContractCommand() { return 0; }");
    await expect(loadContractCommand(url)).rejects.toMatchObject({ code: 'ERR_MODULE_NOT_FOUND' });
  });

  it('refuses a module without runContractCommand', async () => {
    const url = moduleWith('wrong.mjs', 'export const run = () => 0;');
    await expect(loadContractCommand(url)).rejects.toThrow('does not export a function runContractCommand');
  });
});
