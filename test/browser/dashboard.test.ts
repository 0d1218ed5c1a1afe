import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from 'agent-tasks-emulator';
import { launchChromium } from './launch-chromium.js';

// The dashboard in a real browser (docs/dashboard.md). Screenshots of each page are kept in
// test-artifacts/screenshots (git-ignored) for a person to look at after a run.
const SHOTS = fileURLToPath(new URL('../../test-artifacts/screenshots/', import.meta.url));
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TOKEN = 'ghp_octocatEmulatorClassicToken000000000';
const HEADERS = { authorization: `Bearer ${TOKEN}`, 'x-github-api-version': '2026-03-10', 'content-type': 'application/json' };

let browser: Browser;
let closeBrowser: () => Promise<void>;
let emulator: Awaited<ReturnType<typeof startEmulator>>;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  ({ browser, close: closeBrowser } = await launchChromium());
  emulator = await startEmulator({ clockMode: 'manual', clockStart: Date.UTC(2026, 10, 1, 9) });
}, 60_000);
afterAll(async () => {
  await closeBrowser?.();
  await emulator?.stop();
});

async function createTask(body: object): Promise<string> {
  const res = await fetch(`${emulator.url}/agents/repos/octocat/hello-world/tasks`, { method: 'POST', headers: HEADERS, body: JSON.stringify(body) });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function open(path: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const res = await page.goto(`${emulator.url}${path}`, { waitUntil: 'load' });
  expect(res?.status()).toBe(200);
  return page;
}

/** axe-core in the page: violations of serious or critical impact, as "id: help (n nodes)". */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const results = await page.evaluate(async () => (globalThis as any).axe.run((globalThis as any).document));
  return (results.violations as Array<{ id: string; impact: string; help: string; nodes: unknown[] }>)
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n: any) => n.target.join(' ')).join(', ')})`);
}

const stateOn = (page: Page) => page.$eval('#summary-region .state', (e) => e.textContent);

describe('the dashboard in Chromium', () => {
  it('shows a task created through the API without a reload (live)', async () => {
    const page = await open('/_emulator/ui/tasks');
    const id = await createTask({ prompt: 'Appears live in the dashboard' });
    // No reload: the live script swaps the task list in within a few seconds.
    await page.waitForSelector(`tr[data-task-id="${id}"]`, { timeout: 10_000 });
    const row = await page.$eval(`tr[data-task-id="${id}"]`, (e) => e.textContent);
    expect(row).toContain('queued');
    expect(row).toContain('happy-path');
    expect(row).toContain('in_progress at 2026-11-01T09:00:03.000Z');
    await page.screenshot({ path: `${SHOTS}tasks.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('advances the clock with a button and shows the state change and why', async () => {
    const id = await createTask({ prompt: 'Moved by the clock' });
    const page = await open(`/_emulator/ui/tasks/${id}`);
    expect(await stateOn(page)).toBe('queued');
    expect(await page.$eval('#waiting-for', (e) => e.textContent)).toMatch(/The clock: step 1 of happy-path moves it to in_progress .*manual \(frozen\)/);
    await Promise.all([page.waitForNavigation(), page.click('#clock-region button::-p-text(+5 s)')]);
    expect(await stateOn(page)).toBe('in_progress');
    const timeline = await page.$eval('#timeline-region', (e) => e.textContent);
    expect(timeline).toContain('happy-path step 1 fell due on the clock');
    await page.screenshot({ path: `${SHOTS}task.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('answers a waiting task through the form, with the keyboard', async () => {
    const id = await createTask({ prompt: 'Ask me [emulator:scenario=waits-for-user]' });
    const page = await open(`/_emulator/ui/tasks/${id}`);
    await Promise.all([page.waitForNavigation(), page.click('#clock-region button::-p-text(+1 m)')]);
    expect(await stateOn(page)).toBe('waiting_for_user');
    await page.focus('textarea[name="prompt"]');
    await page.keyboard.type('Yes, use the existing helper');
    await page.keyboard.press('Tab');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(await stateOn(page)).toBe('in_progress');
    const sessions = await page.$eval('#sessions-region', (e) => e.textContent);
    expect(sessions).toContain('Sessions (2)');
    expect(sessions).toContain('Yes, use the existing helper');
    await page.close();
  });

  it('finds a request in the journal and opens it with its headers and body', async () => {
    await createTask({ prompt: 'Journaled', create_pull_request: true });
    const page = await open('/_emulator/ui/journal');
    await page.type('input[name="body"]', 'create_pull_request');
    await page.type('input[name="method"]', 'POST');
    await Promise.all([page.waitForNavigation(), page.click('form[aria-label="Filter the journal"] button')]);
    const links = await page.$$('#journal-region tbody a');
    expect(links).toHaveLength(1);
    await page.screenshot({ path: `${SHOTS}journal.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await Promise.all([page.waitForNavigation(), links[0]!.click()]);
    const body = await page.$eval('#request-body', (e) => e.textContent);
    expect(JSON.parse(body!)).toEqual({ prompt: 'Journaled', create_pull_request: true });
    const headers = await page.$eval('main', (e) => e.textContent);
    expect(headers).toContain('Bearer [redacted classic token of octocat]');
    expect(headers).not.toContain(TOKEN);
    await page.screenshot({ path: `${SHOTS}journal-entry.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('overview and tenants pages pass the accessibility check', async () => {
    await emulator.control.queueOutcomes('fails');
    await emulator.control.addFault({ id: 'slow', match: { path: '/agents/**' }, latency: { ms: 1 } });
    for (const [name, path] of [['overview', '/_emulator/ui'], ['tenants', '/_emulator/ui/tenants']] as const) {
      const page = await open(path);
      await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
      if (name === 'overview') {
        const text = await page.$eval('main', (e) => e.textContent);
        expect(text).toContain('fails');
        expect(text).toContain('slow');
      }
      await page.close();
    }
    await emulator.control.clearFaults();
    await emulator.control.clearOutcomes();
  });
});

describe('the dashboard with --control-token', () => {
  it('asks for the token and does nothing without it', async () => {
    const guarded = await startEmulator({ clockMode: 'manual', clockStart: Date.UTC(2026, 10, 1), controlToken: 'let-me-in' });
    try {
      const page = await browser.newPage();
      const first = await page.goto(`${guarded.url}/_emulator/ui/tasks`);
      expect(first?.status()).toBe(401);
      expect(await page.$eval('h1', (e) => e.textContent)).toBe('Control token needed');
      await page.screenshot({ path: `${SHOTS}login.png` });
      expect(await seriousViolations(page)).toEqual([]);
      // A lever pulled without the token changes nothing.
      const before = (await guarded.control.clock()).epoch_ms;
      const refused = await fetch(`${guarded.url}/_emulator/ui/clock/advance`, { method: 'POST', body: new URLSearchParams({ by: '10m' }) });
      expect(refused.status).toBe(401);
      expect((await guarded.control.clock()).epoch_ms).toBe(before);

      await page.goto(`${guarded.url}/_emulator/ui/tasks`);
      await page.type('input[name="token"]', 'wrong');
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      expect(await page.$eval('[role="alert"]', (e) => e.textContent)).toContain('not the control token');
      await page.type('input[name="token"]', 'let-me-in');
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      expect(page.url()).toBe(`${guarded.url}/_emulator/ui/tasks`);
      expect(await page.$eval('h1', (e) => e.textContent)).toBe('Tasks');
      await page.close();
    } finally {
      await guarded.stop();
    }
  });
});
