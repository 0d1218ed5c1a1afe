import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../create-emulator.js';
import { createEmulatorFetch } from '../../emulator-fetch.js';

const AUTH = { authorization: 'Bearer ghp_octocatEmulatorClassicToken000000000' };
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

function setup(controlToken?: string) {
  const emulator = createEmulator({ clockMode: 'manual', clockStart: Date.UTC(2026, 10, 1), controlToken });
  const fetch = createEmulatorFetch({ emulator });
  const create = async (prompt: string, base = '') =>
    ((await (await fetch(`http://e${base}/agents/repos/octocat/hello-world/tasks`, { method: 'POST', headers: AUTH, body: JSON.stringify({ prompt }) })).json()) as { id: string }).id;
  const post = (path: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`http://e${path}`, { method: 'POST', headers: { ...FORM, ...headers }, body: new URLSearchParams(form), redirect: 'manual' });
  return { emulator, fetch, create, post };
}

describe('dashboard routes (HTML and forms)', () => {
  it('serves each page of a named tenant with links inside that tenant', async () => {
    const { fetch, create } = setup();
    const id = await create('In a tenant', '/t/team-a');
    const page = await fetch(`http://e/t/team-a/_emulator/ui/tasks/${id}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toMatch(/^<!DOCTYPE html><html lang="en">/);
    expect(html).toContain('action="/t/team-a/_emulator/ui/clock/advance"');
    expect(html).toContain('tenant <strong>team-a</strong>');
    expect((await fetch(`http://e/_emulator/ui/tasks/${id}`)).status).toBe(404);
  });

  it('advances "to the next due step" exactly to it, and shows a refused lever on the task page', async () => {
    const { fetch, create, post } = setup();
    const id = await create('Next step');
    const moved = await post('/_emulator/ui/clock/advance', { by: 'next', back: `/_emulator/ui/tasks/${id}` });
    expect(moved.status).toBe(303);
    expect(moved.headers.get('location')).toBe(`/_emulator/ui/tasks/${id}`);
    expect(((await (await fetch('http://e/_emulator/clock')).json()) as { now: string }).now).toBe('2026-11-01T00:00:03.000Z');
    const refused = await post(`/_emulator/ui/tasks/${id}/state`, { state: 'queued', back: `/_emulator/ui/tasks/${id}` });
    const location = refused.headers.get('location')!;
    expect(location).toMatch(new RegExp(`^/_emulator/ui/tasks/${id}\\?problem=`));
    const page = await (await fetch(`http://e${location}`)).text();
    expect(page).toContain('role="alert"');
    expect(page).toContain('Cannot move a task from in_progress to queued');
  });

  it('never redirects outside the dashboard', async () => {
    const { post } = setup();
    const res = await post('/_emulator/ui/outcomes', { scenario: 'fails', back: 'https://evil.example/' });
    expect(res.headers.get('location')).toBe('/_emulator/ui');
  });

  it('with a control token: the token in a header or the login cookie opens it; without, 401 and nothing done', async () => {
    const { fetch, post } = setup('s3cret');
    expect((await fetch('http://e/_emulator/ui')).status).toBe(401);
    expect((await post('/_emulator/ui/outcomes', { scenario: 'fails' })).status).toBe(401);
    expect(((await (await fetch('http://e/_emulator/outcomes', { headers: { 'x-emulator-control-token': 's3cret' } })).json()) as { queued: string[] }).queued).toEqual([]);
    expect((await fetch('http://e/_emulator/ui', { headers: { 'x-emulator-control-token': 's3cret' } })).status).toBe(200);
    const login = await post('/_emulator/ui/login', { token: 's3cret', back: '/_emulator/ui/journal' });
    expect(login.status).toBe(303);
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect((await fetch('http://e/_emulator/ui/journal', { headers: { cookie: cookie.split(';')[0]! } })).status).toBe(200);
    expect((await post('/_emulator/ui/login', { token: 'nope' })).status).toBe(401);
  });

  it('links a pull request artifact to the emulated pull request, and a branch to its branch (issue #16)', async () => {
    const { emulator, fetch } = setup();
    const create = (body: object) =>
      fetch('http://e/agents/repos/octocat/hello-world/tasks', { method: 'POST', headers: AUTH, body: JSON.stringify(body) }).then(async (r) => ((await r.json()) as { id: string }).id);
    const pullTask = await create({ prompt: 'PR', create_pull_request: true });
    const branchTask = await create({ prompt: 'Branch only', create_pull_request: false });
    await fetch('http://e/_emulator/clock/advance', { method: 'POST', body: '{"by":"1m"}' });
    const page = (id: string) => fetch(`http://e/_emulator/ui/tasks/${id}`).then((r) => r.text());
    const world = emulator.tenants.default.world;
    const pullId = (world.store.get(pullTask)!.artifacts[0]!.data as { id: number }).id;
    const number = world.work.pullById(pullId)!.number;
    expect(await page(pullTask)).toContain(`href="/repos/octocat/hello-world/pulls/${number}">pull request #${number}`);
    const headRef = (world.store.get(branchTask)!.artifacts[0]!.data as { head_ref: string }).head_ref;
    expect(await page(branchTask)).toContain(`href="/repos/octocat/hello-world/branches/${encodeURIComponent(headRef)}"`);
  });
});
