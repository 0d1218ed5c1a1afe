// The package as users get it: `npm pack` (which builds through `prepare`), installed from the
// tarball into an empty project with the registry, then used through its bin and its exports.
// Slow (a build and an install), so everything shares one install.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAccepting } from '../support/slow-post.js';
import { cleanEnv, spawnCli } from '../support/spawn-cli.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SLOW = 300_000;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  bin: Record<string, string>;
  main: string;
  types: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

let work: string;
let consumer: string;
let installed: string;
let bin: string;
let packed: string[];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'agent-tasks-pack-'));
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  // npm prints the build's output before its JSON answer.
  const [result] = JSON.parse(stdout.slice(stdout.indexOf('[\n'))) as Array<{ filename: string; files: Array<{ path: string }> }>;
  packed = result!.files.map((f) => f.path);
  consumer = join(work, 'consumer');
  mkdirSync(consumer);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  await run('npm', ['install', join(work, result!.filename), '--no-audit', '--no-fund'], { cwd: consumer, maxBuffer: 64 * 1024 * 1024 });
  installed = join(consumer, 'node_modules', pkg.name);
  bin = join(consumer, 'node_modules', '.bin', 'agent-tasks-emulator');
}, SLOW);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed package', { timeout: 60_000 }, () => {
  it('ships the build, the specs, the fixtures, the scenarios and the contract suite, and no sources or unit tests', () => {
    for (const file of ['dist/main.js', 'dist/index.js', 'dist/index.d.ts', 'openapi/agent-tasks.json', 'openapi/emulator.yaml', 'fixtures/tokens.yaml', 'scenarios/happy-path.yaml', 'test/contract/start-task.test.ts']) {
      expect(packed).toContain(file);
    }
    for (const target of [...Object.values(pkg.bin), pkg.main, pkg.types]) expect(packed).toContain(target);
    // The contract suite ships because `agent-tasks-emulator contract` runs it; nothing else of
    // test/. docs/ci's example test and examples/python are documentation a reader copies.
    const shipped = packed.filter((f) => !f.startsWith('test/contract/') && !f.startsWith('docs/ci/') && !f.startsWith('examples/'));
    expect(shipped.filter((f) => f.startsWith('src/') || f.startsWith('test/') || /\.test\./.test(f))).toEqual([]);
  });

  it('ships the MIT LICENSE that package.json names', () => {
    expect(packed).toContain('LICENSE');
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/);
    expect((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { license: string }).license).toBe('MIT');
  });

  it('ships every file or folder that a relative link in README.md or docs/ points to', () => {
    const documents = ['README.md', ...packed.filter((f) => f.startsWith('docs/') && f.endsWith('.md'))];
    for (const document of documents) {
      const text = readFileSync(join(ROOT, document), 'utf8');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const path = target!.replace(/#.*$/, '');
        if (!path || /^[a-z]+:/.test(path)) continue;
        const resolved = join(document, '..', path).replace(/\\/g, '/').replace(/\/$/, '');
        const shipped = packed.some((f) => f === resolved || f.startsWith(`${resolved}/`));
        expect(shipped, `${document} links ${target}`).toBe(true);
      }
    }
  });

  it('installs with its dependencies and none of the development ones', () => {
    for (const dep of Object.keys(pkg.dependencies)) expect(existsSync(join(consumer, 'node_modules', dep)), dep).toBe(true);
    for (const dep of Object.keys(pkg.devDependencies)) expect(existsSync(join(consumer, 'node_modules', dep)), dep).toBe(false);
  });

  it('runs its bin: banner, health, a real API call with the built-in token, SIGTERM exits 0', async () => {
    const p = spawnCli(['--port', '0'], { command: bin, cwd: consumer });
    try {
      const url = await p.url();
      const token = /Bearer (\S+?)"/.exec(p.stdout())?.[1];
      expect(token).toMatch(/^ghp_/);
      expect(p.stdout()).toContain(`${url}/t/<name>/...`);
      expect(p.stdout()).toContain(join(installed, 'fixtures', 'tokens.yaml'));

      const health = await fetch(`${url}/_emulator/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', tenant: 'default' });

      const list = await fetch(`${url}/agents/repos/octocat/hello-world/tasks?per_page=5`, {
        headers: { authorization: `Bearer ${token}`, 'x-github-api-version': '2026-03-10' },
      });
      expect(list.status).toBe(200);
      const body = (await list.json()) as { tasks: Array<{ url: string }>; total_active_count: number };
      expect(body.tasks).toHaveLength(5);
      expect(body.tasks[0]!.url.startsWith(`${url}/agents/repos/octocat/hello-world/tasks/`)).toBe(true);

      p.child.kill('SIGTERM');
      expect(await p.exited).toEqual({ code: 0, signal: null });
      expect(await isAccepting('127.0.0.1', Number(new URL(url).port))).toBe(false);
    } finally {
      if (p.child.exitCode === null) p.child.kill('SIGKILL');
    }
  });

  it('validates its built-in fixtures', async () => {
    const { stdout } = await run(bin, ['validate'], { cwd: consumer, env: cleanEnv() });
    expect(stdout).toMatch(/^OK {4}fixtures /);
  });

  it('serves its API in-process through the package exports', async () => {
    const script = `
      import { startEmulator, createEmulatorFetch } from 'agent-tasks-emulator';
      const e = await startEmulator();
      const health = await e.control.health();
      const res = await e.fetch('https://api.github.com/agents/tasks?per_page=1', { headers: { authorization: 'Bearer ' + e.tokens.octocat } });
      const portless = await createEmulatorFetch()('http://x/_emulator/health');
      await e.stop();
      console.log(JSON.stringify({ health, status: res.status, portless: portless.status, names: Object.keys(e.tokens) }));
    `;
    writeFileSync(join(consumer, 'in-process.mjs'), script);
    const { stdout } = await run(process.execPath, ['in-process.mjs'], { cwd: consumer, env: cleanEnv() });
    const result = JSON.parse(stdout) as { health: object; status: number; portless: number; names: string[] };
    expect(result.health).toMatchObject({ status: 'ok', tenant: 'default' });
    expect(result.status).toBe(200);
    expect(result.portless).toBe(200);
    expect(result.names).toContain('octocatReadOnly');
  });

  it('starts on its built-in data without ajv’s compiler or the yaml package (docs/performance.md)', async () => {
    const script = `
      import { createRequire } from 'node:module';
      import { createEmulator } from 'agent-tasks-emulator';
      const e = createEmulator();
      const headers = { authorization: 'Bearer ghp_octocatEmulatorClassicToken000000000', 'x-github-api-version': '2026-03-10' };
      const created = await e.app.fetch(new Request('http://x/agents/repos/octocat/hello-world/tasks', { method: 'POST', headers, body: '{"prompt":"p"}' }));
      const refused = await e.app.fetch(new Request('http://x/_emulator/clock/advance', { method: 'POST', body: '{"ms":-1}' }));
      const loaded = Object.keys(createRequire(import.meta.url).cache).filter((f) => /\\/node_modules\\/(ajv|yaml)\\//.test(f));
      console.log(JSON.stringify({ created: created.status, refused: refused.status, loaded }));
    `;
    writeFileSync(join(consumer, 'built-in-start.mjs'), script);
    const { stdout } = await run(process.execPath, ['built-in-start.mjs'], { cwd: consumer, env: cleanEnv() });
    const result = JSON.parse(stdout) as { created: number; refused: number; loaded: string[] };
    expect(result).toMatchObject({ created: 201, refused: 422 });
    // The generated validators need ajv's runtime helpers (which shows the check sees ajv's files).
    expect(result.loaded.length).toBeGreaterThan(0);
    for (const file of result.loaded) expect(file).toMatch(/\/node_modules\/ajv\/dist\/runtime\//);
  });

  it('gives TypeScript users types for its exports', async () => {
    writeFileSync(
      join(consumer, 'check.ts'),
      `import { startEmulator, createControlClient, type RunningEmulator, type FetchFunction } from 'agent-tasks-emulator';
       const started = startEmulator({ logLevel: 'silent', port: 0 });
       export const general: Promise<RunningEmulator> = started;
       const fetchFn: FetchFunction = async () => new Response();
       export const control = createControlClient({ baseUrl: 'http://x', fetch: fetchFn });
       export const url: Promise<string> = started.then((e) => e.url);
       export const token: Promise<string> = started.then((e) => e.tokens.octocatReadOnly);
       // @ts-expect-error: log levels are checked
       startEmulator({ logLevel: 'loud' });`,
    );
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noUncheckedIndexedAccess: true, noEmit: true, skipLibCheck: false, types: [] }, files: ['check.ts'] }),
    );
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    await expect(run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: consumer })).resolves.toBeDefined();
  });

  describe('contract', () => {
    const kit = () => join(installed, 'dist', 'contract', 'run-contract-command.js');
    const contract = (args: string[]) =>
      run(bin, ['contract', ...args], { cwd: consumer, env: cleanEnv() }).then(
        (r) => ({ code: 0, ...r }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );

    it('says it is not available, exit 2, in a build without the kit', async () => {
      rmSync(kit(), { force: true });
      const result = await contract(['--help']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('the contract command is not available in this build');
    });

    it('hands its arguments to the kit and exits with the kit’s code', async () => {
      mkdirSync(join(installed, 'dist', 'contract'), { recursive: true });
      writeFileSync(kit(), 'export async function runContractCommand(argv) { console.log(JSON.stringify(argv)); return 5; }');
      const result = await contract(['--target', 'http://127.0.0.1:1', '--help']);
      expect(result.code).toBe(5);
      expect(JSON.parse(result.stdout)).toEqual(['--target', 'http://127.0.0.1:1', '--help']);
    });

    it('reports a kit whose own imports are missing as an error, exit 1, not as absent', async () => {
      writeFileSync(kit(), "import 'a-package-that-is-not-installed'; export async function runContractCommand() { return 0; }");
      const result = await contract([]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("Cannot find package 'a-package-that-is-not-installed'");
      expect(result.stderr).not.toContain('not available in this build');
    });
  });
});
