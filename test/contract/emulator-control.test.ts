// The emulator's own API under /_emulator (described in openapi/emulator.yaml). These tests
// run against the emulator only. Tests that change shared state (the clock, a reset, scripted
// transitions) must use a tenant of their own: await api.newTenant(name).
import { describe, expect } from 'vitest';
import { contractTest } from './harness/contract-test.js';
import { show } from './harness/expectations.js';

describe('emulator control API', () => {
  contractTest('GET /_emulator/health answers 200 ok', { runsOn: 'emulator', behaviour: 'emulator.health' }, async ({ api }) => {
    const res = await api.request({ path: '/_emulator/health', token: null });
    expect(res.status, show(res)).toBe(200);
    expect(res.json).toMatchObject({ status: 'ok' });
  });

  contractTest(
    'a tenant of its own (/t/{name}) does not see tasks started elsewhere',
    { runsOn: 'emulator', behaviour: 'emulator.tenants', writes: true },
    async ({ api }) => {
      const suffix = `${process.pid}-${Date.now()}`;
      const one = await api.newTenant(`contract-a-${suffix}`);
      const other = await api.newTenant(`contract-b-${suffix}`);
      const started = await one.createTask({ prompt: 'Contract test: tenant isolation' });
      expect(started.status, show(started)).toBe(201);
      const id = (started.json as { id: string }).id;
      expect((await one.get(one.tasksPath(`/${id}`))).status).toBe(200);
      const elsewhere = await other.get(other.tasksPath(`/${id}`));
      expect(elsewhere.status, show(elsewhere)).toBe(404);
    },
  );
});
