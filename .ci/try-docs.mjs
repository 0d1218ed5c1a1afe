#!/usr/bin/env node
// Follows docs/in-process.md as a newcomer would, in an empty project, from the packed tarball:
// writes every code block that names its file, runs every install command the page gives, then
// every "run with" command, and checks each `console.log(x); // N` prints N. Any correction the
// page would need shows up as a failure here. Usage: node .ci/try-docs.mjs [tarball.tgz]
// (without one it packs this checkout). Needs the npm registry; .ci/run runs it.
import { execFileSync, execSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'agent-tasks-docs-'));
const project = join(work, 'your-project');
const sh = (command) => {
  console.log(`$ ${command}`);
  return execSync(command, { cwd: project, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
};
const failures = [];
try {
  const tarball = process.argv[2]
    ? resolve(process.argv[2])
    : join(work, JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' }).replace(/^[^[]*/s, ''))[0].filename);
  mkdirSync(project);
  const page = readFileSync(join(ROOT, 'docs', 'in-process.md'), 'utf8');

  // The page's set-up for a new project, and its "until the first release" install, with the path filled in.
  sh('npm init -y >/dev/null');
  if (!page.includes('`npm pkg set\ntype=module`') && !page.includes('`npm pkg set type=module`')) failures.push('the page no longer says npm pkg set type=module');
  sh('npm pkg set type=module');
  const tarballInstall = /^npm install --save-dev \/path\/to\/the\/clone\/(agent-tasks-emulator-[\d.]+\.tgz)/m.exec(page);
  if (!tarballInstall) throw new Error('the page has no tarball install line');
  if (!tarball.endsWith(tarballInstall[1])) failures.push(`the page installs ${tarballInstall[1]}, npm pack wrote ${tarball}`);
  sh(`npm install --save-dev --no-audit --no-fund ${tarball}`);

  // Files: code blocks whose first line is `// path`.
  const files = [];
  for (const [, lang, body] of page.matchAll(/```(\w+)\n(.*?)```/gs)) {
    const name = /^\/\/ ([\w./-]+\.(?:ts|mjs|js))\b/.exec(body)?.[1];
    if ((lang === 'ts' || lang === 'js') && name) {
      mkdirSync(join(project, dirname(name)), { recursive: true });
      writeFileSync(join(project, name), body);
      files.push(name);
    }
  }
  console.log(`wrote ${files.join(', ')}`);

  // Installs, in page order: inline `npm install --save-dev X` and the lines of sh blocks.
  const commands = [
    ...[...page.matchAll(/`(npm install --save-dev [^`]+)`/g)].map((m) => [m.index, m[1]]),
    ...[...page.matchAll(/```sh\n(.*?)```/gs)].flatMap((m) =>
      m[1].split('\n').map((line) => [m.index, line.replace(/\s+#.*$/, '').trim()]),
    ),
  ]
    .sort((a, b) => a[0] - b[0])
    .map(([, c]) => c)
    .filter((c) => /^(npm install --save-dev|npx) /.test(c) && !c.includes('agent-tasks-emulator-') && c !== 'npm install --save-dev agent-tasks-emulator');
  for (const command of commands) sh(command.startsWith('npm install') ? command.replace('npm install', 'npm install --no-audit --no-fund') : command);

  // Runs: "run with `cmd`", "run with: cmd", and "`npx vitest run` runs this".
  const runs = [
    ...page.matchAll(/run with:? `?(node [\w.-]+\.mjs|npx tsx [\w.-]+\.ts)`?/g),
    ...page.matchAll(/`(npx vitest run)` runs this/g),
  ].map((m) => m[1]);
  for (const command of [...new Set(runs)]) {
    const out = sh(command);
    process.stdout.write(out);
    const file = /([\w.-]+\.(?:mjs|ts))$/.exec(command)?.[1];
    if (!file) continue;
    // Every `console.log(...); // value` in the file prints that value, in order.
    const expected = [...readFileSync(join(project, file), 'utf8').matchAll(/console\.log\(.*\);\s*\/\/ (.+)$/gm)].map((m) => (m[1].startsWith('{') ? m[1] : m[1].split(':')[0]).trim());
    const printed = out.trim().split('\n');
    expected.forEach((value, i) => {
      const got = printed[i]?.trim();
      if (got !== value && !(value.startsWith('{') && got?.replace(/\s+/g, ' ') === value.replace(/\s+/g, ' '))) {
        failures.push(`${file}: printed ${JSON.stringify(got)}, the page says ${JSON.stringify(value)}`);
      }
    });
  }
  if (runs.length < 5) failures.push(`expected five runnable examples, found ${runs.length}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (failures.length > 0) {
  console.error(`try-docs: FAIL\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('try-docs: docs/in-process.md followed verbatim from the tarball, every example ran and printed what the page says');
