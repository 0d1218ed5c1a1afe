import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom } from '../src/support/random.js';
import { API_HEADERS, REPO_TASKS } from './lib/api.js';
import { saveResult } from './lib/results.js';

const ROUNDS = 12;
const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const TENANTS = ['', '/t/kill-a', '/t/kill-b'];
const POST_HEADERS = { ...API_HEADERS, 'content-type': 'application/json' };
/** The order a task's state moves in under the scenarios used here: a later state is never undone. */
const RANK: Record<string, number> = { queued: 0, in_progress: 1, waiting_for_user: 1, completed: 2, failed: 2, cancelled: 2 };

interface Acknowledged {
  /** tenant|id of every task whose create was answered 201. */
  tasks: Map<string, { state: string }>;
  archived: Set<string>;
  /** Per tenant, the default scenario last acknowledged. */
  defaults: Map<string, string>;
}

/** The built CLI on a scaled clock (a scenario's 3 s queue takes 30 ms), until it prints its URL. */
function startCli(stateFile: string): Promise<{ child: ChildProcess; url: string; exited: Promise<unknown> }> {
  const child = spawn(process.execPath, [MAIN, '--port', '0', '--time-scale', '100', '--state-file', stateFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve({ child, url: m[1]!, exited });
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code} before listening: ${err}`)));
  });
}

/**
 * SIGKILL under a mix of creates, scheduled transitions (read back as they happen), archives and
 * default-scenario changes, again and again; after each restart every acknowledged change must be
 * there, no task may have gone back to an earlier state than one a client was shown, and at most
 * the creates still in flight at the kill may have been kept without an answer.
 */
export async function runKillLoop() {
  const dir = mkdtempSync(join(tmpdir(), 'kill-loop-'));
  const stateFile = join(dir, 'state.json');
  const random = createRandom(18);
  const ack: Acknowledged = { tasks: new Map(), archived: new Set(), defaults: new Map() };
  const problems: string[] = [];
  let creates = 0;
  let unanswered = 0;
  let extraKept = 0;
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const { child, url, exited } = await startCli(stateFile);
      problems.push(...(await check(url, ack, round)));
      let running = true;
      let inFlightCreates = 0;
      const worker = async () => {
        while (running) {
          const tenant = TENANTS[random.int(0, TENANTS.length - 1)]!;
          const pick = random.next();
          try {
            if (pick < 0.5) {
              inFlightCreates++;
              const res = await fetch(`${url}${tenant}${REPO_TASKS}`, { method: 'POST', headers: POST_HEADERS, body: JSON.stringify({ prompt: `kill loop ${round}` }) });
              inFlightCreates--;
              if (res.status === 201) {
                creates++;
                const task = (await res.json()) as { id: string; state: string };
                ack.tasks.set(`${tenant}|${task.id}`, { state: task.state });
              }
            } else if (pick < 0.75) {
              const known = [...ack.tasks.keys()].filter((k) => k.startsWith(`${tenant}|`));
              if (known.length === 0) continue;
              const key = known[random.int(0, known.length - 1)]!;
              const res = await fetch(`${url}${tenant}/agents/tasks/${key.split('|')[1]}`, { headers: API_HEADERS });
              if (res.status === 200) {
                const { state } = (await res.json()) as { state: string };
                const seen = ack.tasks.get(key)!;
                if (RANK[state]! > RANK[seen.state]!) seen.state = state;
              }
            } else if (pick < 0.9) {
              const known = [...ack.tasks.keys()].filter((k) => k.startsWith(`${tenant}|`));
              if (known.length === 0) continue;
              const key = known[random.int(0, known.length - 1)]!;
              const res = await fetch(`${url}${tenant}/_emulator/tasks/${key.split('|')[1]}/archive`, { method: 'POST' });
              if (res.status === 200) ack.archived.add(key);
            } else {
              const name = random.next() < 0.5 ? 'happy-path' : 'fails';
              const res = await fetch(`${url}${tenant}/_emulator/scenarios/default`, { method: 'PUT', body: JSON.stringify({ name }) });
              if (res.status === 200) ack.defaults.set(tenant, name);
            }
          } catch {
            // The kill cut this request off: whatever it did is unacknowledged.
          }
        }
      };
      const workers = [worker(), worker(), worker(), worker()];
      await new Promise((resolve) => setTimeout(resolve, 300 + random.int(0, 700)));
      child.kill('SIGKILL');
      running = false;
      unanswered += inFlightCreates;
      await Promise.all(workers);
      await exited;
      const counted = await countAfterRestart(stateFile, ack);
      extraKept += counted.extra;
      if (counted.extra > inFlightCreates) problems.push(`round ${round}: ${counted.extra} unacknowledged tasks kept, only ${inFlightCreates} creates were in flight`);
      // What was kept without an answer is acknowledged now: the next round's checks count it.
      for (const key of counted.unknown) ack.tasks.set(key, { state: 'queued' });
    }
    const result = { rounds: ROUNDS, acknowledgedCreates: creates, archives: ack.archived.size, createsInFlightAtKills: unanswered, keptWithoutAnswer: extraKept, problems };
    saveResult('kill-loop', result);
    if (problems.length > 0) throw new Error(`kill loop found ${problems.length} problems:\n${problems.join('\n')}`);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Everything acknowledged so far, read back from a freshly started emulator. */
async function check(url: string, ack: Acknowledged, round: number): Promise<string[]> {
  const problems: string[] = [];
  for (const [key, seen] of ack.tasks) {
    const [tenant, id] = key.split('|') as [string, string];
    const res = await fetch(`${url}${tenant}/agents/tasks/${id}`, { headers: API_HEADERS });
    if (res.status !== 200) {
      problems.push(`round ${round}: acknowledged task ${key} answers ${res.status}`);
      continue;
    }
    const task = (await res.json()) as { state: string; archived_at: string | null };
    if (RANK[task.state]! < RANK[seen.state]!) problems.push(`round ${round}: ${key} went back from ${seen.state} to ${task.state}`);
    if (ack.archived.has(key) && task.archived_at === null) problems.push(`round ${round}: ${key} lost its archive`);
  }
  for (const [tenant, name] of ack.defaults) {
    const res = await fetch(`${url}${tenant}/_emulator/scenarios`);
    const body = (await res.json()) as { default: string };
    if (body.default !== name) problems.push(`round ${round}: tenant ${tenant || 'default'} default scenario ${body.default}, acknowledged ${name}`);
  }
  return problems;
}

/** Starts once more to count the tasks the loop made: those kept that no answer acknowledged. */
async function countAfterRestart(stateFile: string, ack: Acknowledged): Promise<{ extra: number; unknown: string[] }> {
  const { child, url, exited } = await startCli(stateFile);
  try {
    const unknown: string[] = [];
    for (const tenant of TENANTS) {
      for (let page = 1; ; page++) {
        const res = await fetch(`${url}${tenant}/agents/tasks?per_page=100&page=${page}`, { headers: API_HEADERS });
        const { tasks } = (await res.json()) as { tasks: Array<{ id: string; name: string }> };
        for (const t of tasks) if (t.name.startsWith('kill loop') && !ack.tasks.has(`${tenant}|${t.id}`)) unknown.push(`${tenant}|${t.id}`);
        const archived = await fetch(`${url}${tenant}/agents/tasks?per_page=100&page=${page}&is_archived=true`, { headers: API_HEADERS });
        const more = ((await archived.json()) as { tasks: Array<{ id: string; name: string }> }).tasks;
        for (const t of more) if (t.name.startsWith('kill loop') && !ack.tasks.has(`${tenant}|${t.id}`)) unknown.push(`${tenant}|${t.id}`);
        if (tasks.length < 100 && more.length < 100) break;
      }
    }
    return { extra: unknown.length, unknown };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}
