import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../create-emulator.js';

/** Response bodies in these tests are JSON; their shape is what is under test. */
const json = (res: Response): Promise<any> => res.json();
const TOKEN = 'ghp_octocatEmulatorClassicToken000000000';
const auth = { authorization: `Bearer ${TOKEN}` };

function setup() {
  const emulator = createEmulator({ clockMode: 'manual', sleep: async () => {} });
  const app = emulator.app;
  const add = (rule: unknown, prefix = '') =>
    app.request(`${prefix}/_emulator/faults`, { method: 'POST', body: typeof rule === 'string' ? rule : JSON.stringify(rule) });
  const list = async (prefix = '') => (await json(await app.request(`${prefix}/_emulator/faults`))).faults as Array<Record<string, unknown>>;
  const tasks = (prefix = '') => app.request(`${prefix}/agents/tasks`, { headers: auth });
  return { app, add, list, tasks };
}

describe('/_emulator/faults', () => {
  it('starts empty', async () => {
    const { list } = setup();
    expect(await list()).toEqual([]);
  });

  it('adds a rule: 201 with its id, a location, and the rule fires from then on', async () => {
    const { add, list, tasks } = setup();
    expect((await tasks()).status).toBe(200);
    const res = await add({ match: { path: '/agents/tasks' }, when: { times: 1 }, error: { status: 503 } });
    expect(res.status).toBe(201);
    const rule = await json(res);
    expect(rule).toEqual({ id: 'fault-1', kind: 'error', matched: 0, fired: 0, match: { path: '/agents/tasks' }, when: { times: 1 }, error: { status: 503 } });
    expect(res.headers.get('location')).toBe('http://localhost/_emulator/faults/fault-1');
    expect((await tasks()).status).toBe(503);
    expect((await tasks()).status).toBe(200);
    expect(await list()).toEqual([{ ...rule, matched: 2, fired: 1 }]);
  });

  it('keeps a given id and refuses it twice, changing nothing', async () => {
    const { add, list } = setup();
    expect((await json(await add({ id: 'slow-lists', latency: { ms: 100 } }))).id).toBe('slow-lists');
    const again = await add({ id: 'slow-lists', error: { status: 500 } });
    expect(again.status).toBe(422);
    expect((await json(again)).errors).toEqual([
      { resource: 'FaultRule', field: 'id', code: 'already_exists', message: 'id "slow-lists" is taken' },
    ]);
    expect((await list()).map((r) => r.kind)).toEqual(['latency']);
  });

  it('answers bad requests with GitHub-shaped 4xx and adds nothing', async () => {
    const { add, list } = setup();
    const notJson = await add('{nope');
    expect(notJson.status).toBe(400);
    expect(await json(notJson)).toEqual({ message: 'Problems parsing JSON', documentation_url: 'http://localhost/_emulator/openapi.yaml', status: '400' });
    expect((await json(await add('[]'))).message).toBe('Body should be a JSON object');
    const invalid = await add({ error: { status: 200 }, when: { probability: 2 } });
    expect(invalid.status).toBe(422);
    const body = await json(invalid);
    expect(body.message).toBe('Validation Failed');
    expect(body.status).toBe('422');
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { resource: 'FaultRule', field: 'error.status', code: 'invalid', message: 'error.status must be >= 400' },
        { resource: 'FaultRule', field: 'when.probability', code: 'invalid', message: 'when.probability must be <= 1' },
      ]),
    );
    expect((await json(await add({ match: { path: '/x' } }))).errors[0].message).toBe('a rule needs latency, error or connection');
    expect(await list()).toEqual([]);
  });

  it('refuses a rule for another tenant', async () => {
    const { add, list } = setup();
    const res = await add({ match: { tenant: 'ci' }, error: { status: 500 } });
    expect(res.status).toBe(422);
    expect((await json(res)).errors[0].field).toBe('match.tenant');
    expect((await add({ match: { tenant: 'ci' }, error: { status: 500 } }, '/t/ci')).status).toBe(201);
    expect(await list()).toEqual([]);
  });

  it('gets and deletes one rule', async () => {
    const { app, add, tasks } = setup();
    await add({ id: 'e', error: { status: 500 } });
    expect((await json(await app.request('/_emulator/faults/e'))).kind).toBe('error');
    expect((await tasks()).status).toBe(500);
    expect((await app.request('/_emulator/faults/e', { method: 'DELETE' })).status).toBe(204);
    expect((await tasks()).status).toBe(200);
    const gone = await app.request('/_emulator/faults/e', { method: 'DELETE' });
    expect(gone.status).toBe(404);
    expect((await json(gone)).message).toBe('Not Found');
    expect((await app.request('/_emulator/faults/e')).status).toBe(404);
  });

  it('clears all rules', async () => {
    const { app, add, list, tasks } = setup();
    await add({ error: { status: 500 } });
    await add({ connection: 'reset' });
    expect((await app.request('/_emulator/faults', { method: 'DELETE' })).status).toBe(204);
    expect(await list()).toEqual([]);
    expect((await tasks()).status).toBe(200);
  });

  it('keeps each tenant to its own rules', async () => {
    const { add, list, tasks } = setup();
    await add({ error: { status: 502 } }, '/t/ci');
    expect((await tasks('/t/ci')).status).toBe(502);
    expect((await tasks()).status).toBe(200);
    expect(await list()).toEqual([]);
    expect(await list('/t/ci')).toHaveLength(1);
  });

  it('starts each tenant with the start-up rules meant for it', async () => {
    const emulator = createEmulator({
      clockMode: 'manual',
      faultRules: [{ id: 'all', latency: { ms: 1 } }, { id: 'ci-only', match: { tenant: 'ci' }, error: { status: 500 } }],
    });
    const ids = async (prefix: string) => (await json(await emulator.app.request(`${prefix}/_emulator/faults`))).faults.map((r: { id: string }) => r.id);
    expect(await ids('')).toEqual(['all']);
    expect(await ids('/t/ci')).toEqual(['all', 'ci-only']);
  });
});
