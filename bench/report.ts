import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LoadResult } from './lib/load.js';
import { machine, readResult, round } from './lib/results.js';

const RESULTS_MD = fileURLToPath(new URL('./RESULTS.md', import.meta.url));

type Loaded = LoadResult & { ratio?: number; ratios?: number[]; serverCpuUs?: number };
const pct = (x: number) => `${Math.round(x * 100)}%`;
const kb = (bytes: number) => `${round(bytes / 1024, 2)} KB`;
const mb = (bytes: number) => `${round(bytes / 2 ** 20, 1)} MB`;
const verdict = (ok: boolean | undefined) => (ok === undefined ? 'not run' : ok ? 'met' : '**missed**');
const loadAvg = (r?: { loadAverage: number[] }) => (r ? r.loadAverage.map((x) => round(x, 1)).join(' / ') : '');

/** bench/RESULTS.md from the latest figures of every section (bench/results/*.json). */
export function writeReport(): void {
  const m = machine();
  const t = readResult<{ connections: number; measureS: number; rounds?: number; bodyBytes: { list: number; task: number }; ceilingGet: Loaded; ceilingPost: Loaded; list: Loaded; get: Loaded; create: Loaded }>('throughput');
  const big = readResult<Loaded & { tasks: number; query: string; connections: number; startupMs: number; repeated?: Loaded; fineGrained?: Loaded & { query: string } }>('big-list');
  const sm = readResult<any>('startup-memory');
  type Timing = { createMs: number; runMs: number; totalMs: number };
  const sc = readResult<{ tasks: number; scenario: string; stepwise: Timing; oneJump: Timing }>('scenario');
  const fz = readResult<{ runs: number; seed: number; failed: boolean; interrupted: boolean; failure: string | null; seconds: number; requestsPerSecond: number; statuses: Record<string, number> }>('fuzz');
  const so = readResult<any>('soak');
  const tc = readResult<{ tenants: number; newTenantListExtraMs: number; newTenantCreateExtraMs: number; heapPerUnchangedTenantKB: number; heapPerTenantAfterOneCreateKB: number; listInExistingMs: number; createInExistingMs: number }>('tenant-cost');
  type BudgetRun = { what: string; rps: number; ofCeiling: number; userUs: number; systemUs: number };
  const cb = readResult<{ measureS: number; rounds: unknown[]; summary: Record<'ceiling' | 'reference' | 'noStepDue' | 'emulator', BudgetRun> }>('create-budget');
  const kl = readResult<{ rounds: number; acknowledgedCreates: number; archives: number; createsInFlightAtKills: number; keptWithoutAnswer: number; problems: string[] }>('kill-loop');

  const out: string[] = [];
  out.push('# Benchmark results', '');
  out.push('Written by `npm run bench` (bench/report.ts) from bench/results/*.json; do not edit by hand.', 'The floor these are held to, and what each remaining optimisation buys: docs/performance.md.', '');
  out.push(
    '> Two cores run both the server under test and autocannon, so throughput ratios and latencies',
    '> move with whatever else the machine does; the load average at the end of each section is',
    '> listed below. Take figures on an otherwise idle machine, and compare runs made the same way.',
    '',
  );
  out.push('## Machine and versions', '');
  out.push('| | |', '|---|---|');
  out.push(`| CPU | ${m.cpu}, ${m.cores} cores |`, `| memory | ${m.memoryGiB} GiB |`, `| node | ${m.node} |`);
  out.push(`| hono / @hono/node-server | ${m.hono} / ${m.honoNodeServer} |`, `| autocannon / fast-check | ${m.autocannon} / ${m.fastCheck} |`, `| package | ${m.package} |`);
  out.push('');
  out.push('## Commands', '');
  out.push('```sh', 'npm ci', 'npm run bench            # build, then every section below, then this file', 'npm run bench:http       # throughput against the ceiling', 'npm run bench:create-budget  # what a create costs, against a bare-stack reference', 'npm run bench:big-list   # 100,000 stored tasks', 'npm run bench:startup    # start-up time and memory', 'npm run bench:scenario   # 1,000 tasks on a 30-minute scenario', 'npm run bench:fuzz       # 100,000 fuzzed requests', 'npm run bench:soak       # 200,000 requests, memory over time', 'npm run bench:tenant-cost  # what a new tenant costs', 'npm run bench:kill-loop  # SIGKILL under load, twelve times', 'npm run bench:profile -- list|get|create|big-list   # CPU profile under load', '```', '');
  out.push('Servers run in their own node process (`bench/servers/*.mjs` on the built `dist/`, with', '`--expose-gc`), autocannon in the runner\'s; both on loopback. Each throughput run gets a fresh server.', '');

  out.push('## Figures against the floor (DEVELOPERS.md)', '');
  out.push('| measure | figure | floor | |', '|---|---|---|---|');
  if (t) {
    // The median round's ratio decides; every round's ratio is shown beside it.
    const spread = (r: Loaded) => (r.ratios && r.ratios.length > 1 ? ` (rounds: ${r.ratios.map(pct).join(', ')})` : '');
    out.push(`| list, 30 tasks, full pipeline | ${Math.round(t.list.rps)} req/s = ${pct(t.list.ratio!)} of the ceiling's GET${spread(t.list)} | ≥ 50% | ${verdict(t.list.ratio! >= 0.5)} |`);
    out.push(`| get a task (with sessions) | ${Math.round(t.get.rps)} req/s = ${pct(t.get.ratio!)} of the ceiling's GET${spread(t.get)} | ≥ 50% | ${verdict(t.get.ratio! >= 0.5)} |`);
    out.push(`| create a task | ${Math.round(t.create.rps)} req/s = ${pct(t.create.ratio!)} of the ceiling's POST${spread(t.create)} | ≥ 25% | ${verdict(t.create.ratio! >= 0.25)} |`);
  }
  if (big) out.push(`| 100,000 stored: two states, sorted, page 3, ${big.connections} connections, each request its own URL | p99 ${big.p99} ms (${Math.round(big.rps)} req/s) | p99 ≤ 10 ms | ${verdict(big.p99 <= 10)} |`);
  if (big?.repeated) out.push(`| the same, one URL asked over and over | p99 ${big.repeated.p99} ms (${Math.round(big.repeated.rps)} req/s) | p99 ≤ 10 ms | ${verdict(big.repeated.p99 <= 10)} |`);
  if (big?.fineGrained) out.push(`| the caller's own tasks through a fine-grained token, each request its own URL | p99 ${big.fineGrained.p99} ms (${Math.round(big.fineGrained.rps)} req/s) | p99 ≤ 10 ms | ${verdict(big.fineGrained.p99 <= 10)} |`);
  if (sm) {
    out.push(`| start to first 200 | ${Math.round(sm.emulatorEmpty.msToFirst200)} ms vs ${Math.round(sm.ceiling.msToFirst200)} ms = ${round(sm.startupRatio, 2)}x | ≤ 3x | ${verdict(sm.startupRatio <= 3)} |`);
    out.push(`| idle RSS after GC | ${mb(sm.emulatorEmpty.rss)} vs ${mb(sm.ceiling.rss)} = ${round(sm.idleRssRatio, 2)}x | (none) | |`);
    out.push(`| RSS per stored task (N=0 vs N=${sm.stored.toLocaleString('en')}) | ${kb(sm.rssPerTaskBytes)} (${Math.round(sm.rssPerTaskBytes)} B; heap ${Math.round(sm.heapPerTaskBytes)} B) | ≤ 3 KB | ${verdict(sm.rssPerTaskBytes <= 3072)} |`);
  }
  if (sc) out.push(`| ${sc.tasks.toLocaleString('en')} tasks on a 30-minute scenario, to their end (manual clock) | ${Math.round(sc.stepwise.totalMs)} ms (create ${Math.round(sc.stepwise.createMs)} + run ${Math.round(sc.stepwise.runMs)}) | (none) | |`);
  if (fz) out.push(`| fuzzed requests | ${fz.runs.toLocaleString('en')} in ${fz.seconds} s, ${fz.failed ? 'a property failed' : 'no property failed'} | 100,000, none failing | ${verdict(!fz.failed && fz.runs >= 100_000)} |`);
  if (tc) {
    out.push(`| a new tenant's first list, more than in one that exists (${tc.tenants} tenants) | ${round(tc.newTenantListExtraMs, 2)} ms (first create: ${round(tc.newTenantCreateExtraMs, 2)} ms) | ≤ 0.5 ms (issue 18) | ${verdict(tc.newTenantListExtraMs <= 0.5 && tc.newTenantCreateExtraMs <= 0.5)} |`);
    out.push(`| heap per tenant that changed nothing | ${round(tc.heapPerUnchangedTenantKB, 1)} KB (after one create: ${round(tc.heapPerTenantAfterOneCreateKB, 1)} KB) | ≤ 64 KB (issue 18) | ${verdict(tc.heapPerUnchangedTenantKB <= 64)} |`);
  }
  if (kl) out.push(`| SIGKILL loop, ${kl.rounds} rounds, ${kl.acknowledgedCreates.toLocaleString('en')} acknowledged creates, ${kl.archives} archives | ${kl.problems.length} problems; ${kl.keptWithoutAnswer} kept of ${kl.createsInFlightAtKills} in flight at the kills | nothing acknowledged lost | ${verdict(kl.problems.length === 0)} |`);
  if (so) out.push(`| soak, ${so.requests.toLocaleString('en')} requests | heap after GC ×${so.heapGrowthAfterWarmup}, RSS ×${so.rssGrowthAfterWarmup} from a quarter in to the end | flat | ${verdict(so.heapGrowthAfterWarmup <= 1.1)} |`);
  out.push('');

  if (t) {
    out.push('## Throughput', '');
    out.push(`${t.connections} connections, ${t.measureS} s measured after a warm-up; list body ${t.bodyBytes.list} bytes, task body ${t.bodyBytes.task} bytes (the ceiling serves the same bytes).`, '');
    if (t.rounds && t.rounds > 1) {
      out.push(`${t.rounds} rounds, each measure run right after its ceiling; the table shows, for each measure, the round with the median ratio to its own ceiling, and the ceilings' median runs.`, '');
    }
    out.push('Server CPU is the server process\'s user and system time over the measured run, per request:', 'what a request costs the server alone, where req/s also carries autocannon\'s share of the two cores.', '');
    out.push('| run | req/s | server CPU µs/req | p50 ms | p99 ms | max ms | non-2xx | errors |', '|---|---|---|---|---|---|---|---|');
    for (const [name, r] of [['ceiling GET', t.ceilingGet], ['ceiling POST', t.ceilingPost], ['list', t.list], ['get', t.get], ['create', t.create]] as const) {
      const cpu = r.serverCpuUs === undefined ? 'n/a' : r.serverCpuUs.toFixed(1);
      out.push(`| ${name} | ${Math.round(r.rps)} | ${cpu} | ${r.p50} | ${r.p99} | ${r.maxMs} | ${r.non2xx} | ${r.errors + r.timeouts} |`);
    }
    out.push('', `Load average at the end: ${loadAvg(t)}.`, '');
  }
  if (cb) {
    out.push('## What a create costs', '');
    out.push(`${cb.rounds.length} rounds of four runs, ${cb.measureS} s each after a warm-up, medians. The floor asks create for 25% of the ceiling's POST; the reference shows how much of that budget the bare stack leaves a faithful create (docs/performance.md).`, '');
    out.push('| run | req/s | of the ceiling | server user µs/req | server system µs/req |', '|---|---|---|---|---|');
    for (const r of Object.values(cb.summary)) out.push(`| ${r.what} | ${r.rps} | ${pct(r.ofCeiling)} | ${r.userUs} | ${r.systemUs} |`);
    out.push('', `Load average at the end: ${loadAvg(cb)}.`, '');
  }
  if (big) {
    out.push('## 100,000 stored tasks', '');
    out.push(`\`GET ${big.query}\`, all ${big.tasks.toLocaleString('en')} tasks in that repository; server ready in ${Math.round(big.startupMs / 1000)} s (generating them).`, '');
    out.push('| asked | req/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx | errors |', '|---|---|---|---|---|---|---|---|');
    const row = (name: string, r: Loaded) => `| ${name} | ${Math.round(r.rps)} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.maxMs} | ${r.non2xx} | ${r.errors + r.timeouts} |`;
    out.push(row('each request its own URL', big));
    if (big.repeated) out.push(row('one URL over and over', big.repeated));
    if (big.fineGrained) out.push(row(`fine-grained token, \`GET ${big.fineGrained.query}\`, each request its own URL`, big.fineGrained));
    out.push('', `Load average at the end: ${loadAvg(big)}.`, '');
  }
  if (sm) {
    out.push('## Start-up and memory', '');
    out.push(`Median of ${sm.starts} starts; memory read after two full GCs, having served one request.`, '');
    out.push('| server | start to first 200 | RSS | heap used |', '|---|---|---|---|');
    out.push(`| ceiling | ${Math.round(sm.ceiling.msToFirst200)} ms | ${mb(sm.ceiling.rss)} | ${mb(sm.ceiling.heapUsed)} |`);
    out.push(`| emulator, no stored tasks | ${Math.round(sm.emulatorEmpty.msToFirst200)} ms | ${mb(sm.emulatorEmpty.rss)} | ${mb(sm.emulatorEmpty.heapUsed)} |`);
    out.push(`| emulator, the built-in 185 tasks | ${Math.round(sm.emulator185.msToFirst200)} ms (${round(sm.startupRatio185, 2)}x) | ${mb(sm.emulator185.rss)} | ${mb(sm.emulator185.heapUsed)} |`);
    out.push(`| emulator, ${sm.stored.toLocaleString('en')} tasks | ${Math.round(sm.storedStartupMs)} ms | ${mb(sm.storedRss)} | ${mb(sm.storedHeapUsed)} |`);
    out.push('', `Load average at the end: ${loadAvg(sm)}.`, '');
  }
  if (sc) {
    out.push('## A 30-minute scenario', '');
    out.push(`${sc.tasks.toLocaleString('en')} tasks on ${sc.scenario}, created through the API and run to their end through the control API, in-process (app.request).`, '');
    out.push('| clock moved | create | run to the end | total |', '|---|---|---|---|');
    out.push(`| a minute at a time (36 advances) | ${sc.stepwise.createMs} ms | ${sc.stepwise.runMs} ms | ${sc.stepwise.totalMs} ms |`);
    out.push(`| in one 36-minute jump | ${sc.oneJump.createMs} ms | ${sc.oneJump.runMs} ms | ${sc.oneJump.totalMs} ms |`, '');
  }
  if (fz) {
    out.push('## Fuzzing', '');
    out.push(`The test suite's generators and properties (test/fuzz), seed ${fz.seed}: ${fz.runs.toLocaleString('en')} requests in ${fz.seconds} s (${fz.requestsPerSecond}/s)${fz.interrupted ? ', stopped by the time limit' : ''}.`, '');
    out.push('| status | requests |', '|---|---|');
    for (const [status, n] of Object.entries(fz.statuses).sort()) out.push(`| ${status} | ${n.toLocaleString('en')} |`);
    if (fz.failure) out.push('', '```', fz.failure, '```');
    out.push('');
  }
  if (so) {
    out.push('## Soak', '');
    out.push(`${so.requests.toLocaleString('en')} requests in ${so.seconds} s (${so.rps}/s): reads, creates in a moving window of ${so.tenantNames} tenant names against --max-tenants ${so.maxTenants} (${so.tenantsAlive} alive at the end), unknown tokens, unknown paths, bad versions. Memory after GC:`, '');
    out.push('| s | requests | RSS | heap used |', '|---|---|---|---|');
    const samples = so.samples as Array<{ s: number; requests: number; rss: number; heapUsed: number }>;
    const every = Math.max(1, Math.ceil(samples.length / 16));
    for (const [i, x] of samples.entries()) if (i % every === 0 || i === samples.length - 1) out.push(`| ${x.s} | ${x.requests.toLocaleString('en')} | ${mb(x.rss)} | ${mb(x.heapUsed)} |`);
    out.push('', `Status codes: ${Object.entries(so.statusCodes as Record<string, { count: number }>).map(([k, v]) => `${k}: ${v.count}`).join(', ')}; errors ${so.errors}, timeouts ${so.timeouts}.`, '');
  }
  writeFileSync(RESULTS_MD, `${out.join('\n')}\n`);
  console.log(`wrote ${RESULTS_MD}`);
}
