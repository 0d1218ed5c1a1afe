import { runBigList } from './big-list.js';
import { runCreateBudget } from './create-budget.js';
import { runFuzz } from './fuzz.js';
import { runJournalCapture } from './journal-capture.js';
import { runKillLoop } from './kill-loop.js';
import { writeReport } from './report.js';
import { runScenario } from './scenario-run.js';
import { runSoak } from './soak.js';
import { runStartupMemory } from './startup-memory.js';
import { runTenantCost } from './tenant-cost.js';
import { runThroughput } from './throughput.js';

/**
 * `npm run bench [-- section...]`: runs the named sections (all by default) one after another, so
 * no two load each other's cores, and rewrites bench/RESULTS.md from every section's latest figures.
 */
const SECTIONS: Record<string, () => Promise<unknown>> = {
  throughput: runThroughput,
  'create-budget': runCreateBudget,
  'journal-capture': runJournalCapture,
  'big-list': runBigList,
  'startup-memory': runStartupMemory,
  'tenant-cost': runTenantCost,
  scenario: runScenario,
  fuzz: runFuzz,
  soak: runSoak,
  'kill-loop': runKillLoop,
  // Only rewrites RESULTS.md from the figures already in bench/results.
  report: async () => 'RESULTS.md rewritten',
};

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in SECTIONS));
if (unknown.length > 0) {
  console.error(`unknown section ${unknown.join(', ')}; known: ${Object.keys(SECTIONS).join(', ')}`);
  process.exit(2);
}
for (const name of asked.length > 0 ? asked : Object.keys(SECTIONS).filter((n) => n !== 'report')) {
  const started = performance.now();
  console.log(`== ${name}`);
  console.log(JSON.stringify(await SECTIONS[name]!(), null, 2));
  console.log(`== ${name} took ${Math.round((performance.now() - started) / 1000)} s`);
}
writeReport();
