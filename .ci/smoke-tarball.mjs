#!/usr/bin/env node
// Smoke test of a packed tarball, as a user gets it: installed into an empty project from the
// file, its bin started with --ready-json on port 0, health and one API call, SIGTERM exits 0;
// then the in-process API from the same install. The release workflow publishes only a tarball
// that passed this. Usage: node .ci/smoke-tarball.mjs agent-tasks-emulator-X.Y.Z.tgz
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const tarball = process.argv[2];
if (!tarball) {
  console.error('usage: node .ci/smoke-tarball.mjs <tarball.tgz>');
  process.exit(2);
}
const fail = (message) => {
  console.error(`smoke-tarball: FAIL: ${message}`);
  process.exit(1);
};
const project = mkdtempSync(join(tmpdir(), 'agent-tasks-smoke-'));
try {
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'smoke', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', resolve(tarball)], { cwd: project, stdio: 'inherit' });

  const bin = join(project, 'node_modules', '.bin', 'agent-tasks-emulator');
  const child = spawn(bin, ['--port', '0', '--ready-json', '--log-level', 'error'], { cwd: project, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((done) => child.on('exit', (code) => done(code)));
  let listening = false;
  void exited.then((code) => listening || fail(`the bin exited with ${code} before listening`));
  const { value: line } = await createInterface({ input: child.stdout })[Symbol.asyncIterator]().next();
  listening = true;
  const ready = JSON.parse(line);
  const health = await fetch(ready.health_url);
  if (health.status !== 200) fail(`health answered ${health.status}`);
  const created = await fetch(`${ready.url}/agents/repos/octocat/hello-world/tasks`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ready.tokens.octocat}`, 'x-github-api-version': '2026-03-10' },
    body: JSON.stringify({ prompt: 'smoke test of the packed tarball' }),
  });
  if (created.status !== 201) fail(`POST a task answered ${created.status}`);
  child.kill('SIGTERM');
  const code = await exited;
  if (code !== 0) fail(`SIGTERM exited ${code}`);
  console.log(`bin: ready line, health 200, POST 201, SIGTERM exit 0 (version ${ready.version})`);

  writeFileSync(
    join(project, 'in-process.mjs'),
    `import { startEmulator } from 'agent-tasks-emulator';
const { url, tokens, stop } = await startEmulator();
const res = await fetch(url + '/agents/tasks', { headers: { authorization: 'Bearer ' + tokens.octocat, 'x-github-api-version': '2026-03-10' } });
await stop();
if (res.status !== 200) { console.error('GET /agents/tasks answered ' + res.status); process.exit(1); }
`,
  );
  execFileSync(process.execPath, ['in-process.mjs'], { cwd: project, stdio: 'inherit' });
  console.log('in-process: startEmulator, GET /agents/tasks 200, stop');
  console.log('smoke-tarball: passed');
} finally {
  rmSync(project, { recursive: true, force: true });
}
