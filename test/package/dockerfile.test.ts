// There is no Docker engine in CI, so the Dockerfile is checked as text for what issue 7 asks of
// the image, and its HEALTHCHECK command is run for real against an emulator.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPTIONS } from '../../src/cli/cli-options.js';
import { startEmulator, type RunningEmulator } from '../../src/start-emulator.js';
import { cleanEnv } from '../support/spawn-cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[]; bin: Record<string, string> };

interface Instruction {
  keyword: string;
  args: string;
}
interface Stage {
  image: string;
  name?: string;
  instructions: Instruction[];
}

/** Instructions grouped by stage, with comments dropped, continuations joined and ARG defaults applied to FROM. */
function parseDockerfile(text: string): Stage[] {
  const lines = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const args: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const line of lines) {
    const [, keyword = '', rest = ''] = /^(\S+)\s*(.*)$/.exec(line)!;
    const instruction = { keyword: keyword.toUpperCase(), args: rest.replace(/\s+/g, ' ') };
    if (instruction.keyword === 'ARG' && stages.length === 0) {
      const [name, value = ''] = instruction.args.split('=');
      args[name!] = value;
    } else if (instruction.keyword === 'FROM') {
      const [image = '', as, name] = instruction.args.replace(/\$\{(\w+)\}/g, (_, n: string) => args[n] ?? '').split(' ');
      stages.push({ image, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return stages;
}

/** A stage with the instructions of the stages it is built FROM (by name) before its own. */
function flatten(stage: Stage, stages: Stage[]): Stage {
  const parent = stages.find((s) => s.name !== undefined && s.name === stage.image);
  if (!parent) return stage;
  const base = flatten(parent, stages);
  return { image: base.image, name: stage.name, instructions: [...base.instructions, ...stage.instructions] };
}

const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const stages = parseDockerfile(dockerfile);
// The default target is the last stage, whatever stages it builds on.
const final = flatten(stages.at(-1)!, stages);
const contract = flatten(stages.find((s) => s.name === 'contract')!, stages);
const builder = stages[0]!;
const all = (stage: Stage, keyword: string) => stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);
const env = (stage: Stage) =>
  Object.fromEntries(all(stage, 'ENV').flatMap((args) => args.split(' ').map((pair) => pair.split('=') as [string, string])));
const healthcheck = () => {
  const [args] = all(final, 'HEALTHCHECK');
  const exec = /\bCMD (\[.*\])$/.exec(args ?? '')?.[1];
  return JSON.parse(exec ?? 'null') as string[] | null;
};

describe('Dockerfile', () => {
  it('builds in one stage and runs from a second, both on a slim Node LTS image', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of [builder, final, contract]) {
      const major = Number(/^node:(\d+)-slim$/.exec(stage.image)?.[1]);
      // Even Node majors become LTS; 22 is the oldest still in support.
      expect(major % 2, stage.image).toBe(0);
      expect(major, stage.image).toBeGreaterThanOrEqual(22);
    }
  });

  it('installs everything and builds in the builder', () => {
    const runs = all(builder, 'RUN').join('\n');
    expect(runs).toMatch(/npm ci\b/);
    expect(runs).toMatch(/npm run build\b/);
    expect(all(builder, 'COPY')).toContain('src ./src');
  });

  it('installs production dependencies only in the final stage, and builds nothing there', () => {
    expect(final.instructions.filter((i) => i.keyword === 'RUN' && /npm install/.test(i.args))).toEqual([]);
    const runs = all(final, 'RUN').join('\n');
    const install = /npm ci [^\n&]*/.exec(runs)?.[0] ?? '';
    expect(install).toContain('--omit=dev');
    // `prepare` would run the TypeScript build, which needs the dev dependencies that are not there.
    expect(install).toContain('--ignore-scripts');
    expect(runs).not.toMatch(/npm run build|npm install\b/);
    expect(all(final, 'COPY').some((c) => c.startsWith('src '))).toBe(false);
  });

  it('puts in the final image everything package.json ships', () => {
    const copies = all(final, 'COPY');
    expect(copies).toContain(`--from=${builder.name} /app/dist ./dist`);
    // Documentation ships in the npm package for readers of node_modules; the image runs without it.
    const documentation = ['docs', 'examples', 'CONTRIBUTING.md'];
    for (const entry of pkg.files.filter((f) => !f.startsWith('!') && !documentation.includes(f))) {
      expect(copies.some((c) => c.endsWith(` ./${entry}`)), entry).toBe(true);
    }
    for (const source of copies.filter((c) => !c.startsWith('--from')).flatMap((c) => c.split(' ').slice(0, -1))) {
      expect(existsSync(join(ROOT, source)), source).toBe(true);
    }
  });

  it('runs the package bin as the non-root user node, bound to every interface', () => {
    const keywords = final.instructions.map((i) => i.keyword);
    expect(all(final, 'USER')).toEqual(['node']);
    expect(all(contract, 'USER')).toEqual(['node', 'root', 'node']);
    expect(keywords.indexOf('USER')).toBeLessThan(keywords.indexOf('ENTRYPOINT'));
    expect(JSON.parse(all(final, 'ENTRYPOINT')[0]!)).toEqual(['node', pkg.bin['agent-tasks-emulator']]);
    expect(env(final)).toMatchObject({ HOST: '0.0.0.0', PORT: String(OPTIONS.port.default) });
    expect(all(final, 'EXPOSE')).toEqual([String(OPTIONS.port.default)]);
    // The variables the image sets are ones the CLI reads.
    expect(OPTIONS.host.env).toContain('HOST');
    expect(OPTIONS.port.env).toContain('PORT');
  });

  it('has /data for the state file, writable by node, and declares no VOLUME (it would leave an anonymous volume behind)', () => {
    expect(all(final, 'VOLUME')).toEqual([]);
    expect(all(final, 'RUN').join('\n')).toMatch(/chown node:node \/data/);
  });

  it('ships the LICENSE', () => {
    expect(all(final, 'COPY')).toContain('LICENSE ./LICENSE');
  });

  it('has a contract target: the image plus the vitest version of the lockfile, run as node, writing reports to /reports', () => {
    expect(stages.at(-1)!.name).toBeUndefined(); // `docker build .` without --target is still the emulator alone
    const own = stages.find((s) => s.name === 'contract')!;
    expect(own.image).toBe(stages.at(-1)!.image);
    const install = all(own, 'RUN').join('\n');
    expect(install).toMatch(/npm install [^&]*"vitest@\$\(node -p "require\('\/app\/package-lock\.json'\)\.packages\['node_modules\/vitest'\]\.version"\)"/);
    expect(install).toContain('ln -s /opt/vitest/node_modules/vitest /app/node_modules/vitest');
    expect(all(contract, 'USER').at(-1)).toBe('node');
    expect(JSON.parse(all(contract, 'CMD').at(-1)!)).toEqual(['contract', '--out', '/reports']);
    expect(JSON.parse(all(contract, 'ENTRYPOINT').at(-1)!)).toEqual(['node', pkg.bin['agent-tasks-emulator']]);
  });

  it('says how podman and buildah keep the HEALTHCHECK', () => {
    expect(dockerfile).toMatch(/--format docker/);
  });

  it('leaves out local state from the build context', () => {
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim());
    for (const entry of ['node_modules', 'dist', '.git', 'tmp', '*.tgz']) expect(ignored, entry).toContain(entry);
    for (const needed of ['src', 'openapi', 'fixtures', 'scenarios', 'package.json', 'package-lock.json']) expect(ignored).not.toContain(needed);
  });

  it('sends every path a COPY needs: none is ignored without a ! exception', () => {
    const rules = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    const sources = [...all(builder, 'COPY'), ...all(final, 'COPY')]
      .filter((c) => !c.startsWith('--from'))
      .flatMap((c) => c.split(/\s+/).slice(0, -1));
    for (const source of sources) {
      // The last matching rule wins, as in Docker: a plain entry ignores a path and what is below it.
      const covers = (rule: string) => source === rule || source.startsWith(`${rule}/`);
      const verdict = rules.reduce<boolean>((ignored, rule) => (rule.startsWith('!') ? (covers(rule.slice(1)) ? false : ignored) : covers(rule) ? true : ignored), false);
      expect(verdict, source).toBe(false);
    }
  });

  describe('HEALTHCHECK', () => {
    let emulator: RunningEmulator;
    beforeAll(async () => {
      emulator = await startEmulator();
    });
    afterAll(() => emulator.stop());

    const probe = (variables: NodeJS.ProcessEnv) => {
      const [program, ...args] = healthcheck()!;
      expect(program).toBe('node');
      return promisify(execFile)(process.execPath, args, { env: cleanEnv(variables) }).then(
        () => 0,
        (e: { code: number }) => e.code,
      );
    };
    const port = () => new URL(emulator.url).port;

    it('is an exec-form node command asking /_emulator/health', () => {
      expect(healthcheck()?.join(' ')).toContain('/_emulator/health');
      expect(all(final, 'HEALTHCHECK')[0]).toMatch(/--interval=\S+ .*--timeout=\S+/);
    });

    it('passes against a running emulator on PORT, or AGENT_TASKS_PORT which wins as in the CLI', async () => {
      expect(await probe({ PORT: port() })).toBe(0);
      expect(await probe({ PORT: '1', AGENT_TASKS_PORT: port() })).toBe(0);
    });

    it('fails when nothing answers there', async () => {
      const stopped = await startEmulator();
      const closedPort = new URL(stopped.url).port;
      await stopped.stop();
      expect(await probe({ PORT: closedPort })).toBe(1);
    });
  });
});
