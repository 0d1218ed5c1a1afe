import { createEmulator, type EmulatorOptions } from '../../src/create-emulator.js';

export const NOW = Date.UTC(2026, 10, 1, 12, 0, 0);

export const TOKENS = {
  octocat: 'ghp_octocatEmulatorClassicToken000000000',
  monalisa: 'ghp_monalisaEmulatorClassicToken00000000',
  hubot: 'ghp_hubotEmulatorClassicToken00000000000',
  readOnly: 'github_pat_octocatEmulatorReadOnly_000000000000000000000000000000000000000000000000',
  readWrite: 'github_pat_octocatEmulatorReadWrite_00000000000000000000000000000000000000000000000',
  noAgentTasks: 'github_pat_octocatEmulatorNoAgentTasks_00000000000000000000000000000000000000000000',
  oauth: 'gho_octocatEmulatorOAuthToken00000000000',
  appUser: 'ghu_octocatEmulatorAppUserToken000000000',
  installation: 'ghs_emulatorInstallationToken00000000000',
} as const;

/** An emulator on a frozen clock, with helpers that send GitHub's usual headers. */
export function testEmulator(options: EmulatorOptions = {}) {
  const emulator = createEmulator({ clockMode: 'manual', clockStart: NOW, ...options });
  const request = (path: string, init: RequestInit & { token?: string | null } = {}) => {
    const headers = new Headers(init.headers);
    const token = init.token === undefined ? TOKENS.octocat : init.token;
    if (token !== null && !headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
    if (!headers.has('x-github-api-version')) headers.set('x-github-api-version', '2026-03-10');
    return emulator.app.request(path, { ...init, headers });
  };
  const json = async <T = any>(path: string, init: RequestInit & { token?: string | null } = {}) => {
    const res = await request(path, init);
    const text = await res.text();
    return { res, status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
  const create = (body: unknown, init: { token?: string; repo?: string; headers?: Record<string, string> } = {}) =>
    json(`/agents/repos/${init.repo ?? 'octocat/hello-world'}/tasks`, {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
      token: init.token,
      headers: { 'content-type': 'application/json', ...init.headers },
    });
  return { ...emulator, request, json, create };
}
