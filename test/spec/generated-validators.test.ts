import { readFileSync } from 'node:fs';
import { _, Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { buildValidatorsModule, VALIDATORS_PATH } from '../../scripts/generate-validators.js';
import { validatorCatalogue } from '../../scripts/validator-catalogue.js';
import * as generated from '../../src/generated/validators.js';

// Values that reach each kind of keyword the schemas use: wrong types, unknown and missing
// members, patterns, enums, bounds, oneOf/anyOf, and strings whose length differs when counted in
// code points (ajv's ucs2length) rather than UTF-16 units.
const COMMON: unknown[] = [null, 0, 'x', [], {}, { unknown: 1 }, { name: 1 }];
const SAMPLES: Record<string, unknown[]> = {
  validateScenario: [
    { name: 'ok', steps: [{ state: 'in_progress', after: '1s' }] },
    { name: 'Bad Name', steps: [] },
    { name: 'x', steps: [{ state: 'done', after: -1, jitter: 2, error: '', artifacts: 'pr', usage: { type: 'x' }, new_session: 3 }] },
    { name: 'x', steps: [{ state: 'queued', after: Number.NaN }] },
  ],
  validateAccounts: [{ users: [{ login: 'octocat', id: 1 }] }, { users: [{ login: '-bad', id: 0 }], organizations: [{ login: 'o', id: 2, members: [3] }] }],
  validateRepositories: [{ repositories: [{ owner: 'o', name: 'r', id: 1 }] }, { repositories: [{ owner: 'o', name: 'r', id: 1, default_branch: '' }] }, { repositories: [{ owner: 'o', name: 'a/b', id: 1.5 }] }],
  validateTokens: [{ tokens: [{ token: 'ghp_x', user: 'u' }] }, { tokens: [{ token: 'ghp_x', user: 'u', agent_tasks: 'admin', rate_limit: 0, name: '1x' }] }, { tokens: [{ token: 'abc', user: 'u' }] }],
  validateTasksPlan: [{ days: 0, archived_share: 2 }, { generate: [{ repository: 'o/r', creator: 'c', count: -1 }] }],
  validateFaultRule: [
    { id: '-x', description: '💥'.repeat(501), match: { method: [], path: 'no-slash', path_regex: '' }, when: { probability: 0 }, latency: { ms: 1, uniform: {} } },
    { error: { status: 399, message: '' }, connection: 'close' },
    { latency: { normal: { mean: 1 } }, match: { method: 'GET', tenant: 't', token: 'x' } },
    { description: '💥'.repeat(400) },
  ],
  validateFaultRulesFile: [{ faults: [] }, { faults: [{ error: { status: 500 } }, { latency: {} }] }, { faults: 'none' }],
  validateRateLimitSettings: [{ primary: { status: 500, window_seconds: 0 }, secondary: { limit: null, retry_after_seconds: 1.5 } }, { secondary: { limit: 'x' } }],
  validateRateLimitToken: [{ limit: null, remaining: -1 }, { remaining: 3 }],
  validateRateLimitReset: [{ token: '' }, { token: 'ghp_x' }],
  validateClockAdvanceBody: [{ by: '5m' }, { ms: 1, by: '1s' }, { ms: -1 }, { by: '' }],
  validateClockSetBody: [{ now: '2026-01-01T00:00:00Z' }, { now: 1 }],
  validateDefaultScenarioBody: [{ name: 'fails' }],
  validateOutcomesBody: [{ scenarios: ['fails'] }, { scenarios: [] }, { scenarios: ['a', 1] }],
  validateTaskStateBody: [{ state: 'failed' }, { state: 'gone' }],
  validateTaskPromptBody: [{ prompt: '' }, { prompt: '😀' }],
  validateLoadTasksBody: [{ tasks: [{ repository: 'o/r', creator: 'c', prompt: 'p' }] }, { tasks: [{ repository: 'o/r', creator: 'c', prompt: 'p', state: 'nope', archived: 'yes' }] }, { tasks: [] }],
  validateTenantSeedBody: [{ seed: 4294967296 }, { seed: 1.5 }, { seed: 7 }],
  validateTenantResetBody: [{ seed: 1 }],
  validateTenantSnapshot: [
    { name: 't', seed: 1, clockNow: 0, defaultScenario: 'x', outcomes: [], tasks: [] },
    { name: 't', seed: 1, clockNow: 0, defaultScenario: 'happy-path', outcomes: [], tasks: [{ id: '' }] },
    { name: 't', seed: 1.5, clockNow: 'now', defaultScenario: 'x', outcomes: [1], tasks: [] },
  ],
  validateCreateTaskBody: [{ prompt: 'Fix it', create_pull_request: 'yes', model: 3 }, { create_pull_request: true }, { prompt: 'p', base_ref: 'main' }],
};

describe('generated validators', () => {
  it('src/generated/validators.ts is exactly what npm run validators:update writes', () => {
    expect(readFileSync(VALIDATORS_PATH, 'utf8'), 'stale: run npm run validators:update').toBe(buildValidatorsModule());
  });

  it('every validator of the catalogue is exported, and every export comes from the catalogue', () => {
    const names = validatorCatalogue().map((e) => e.name);
    expect(Object.keys(SAMPLES).sort()).toEqual([...names].sort());
    const exported = Object.keys(generated).filter((k) => typeof (generated as Record<string, unknown>)[k] === 'function');
    expect(exported.sort()).toEqual([...names].sort());
  });

  describe('answer as ajv compiling the same schema at run time would, errors included', () => {
    for (const entry of validatorCatalogue()) {
      it(entry.name, () => {
        const compiled = new Ajv(entry.options).compile(entry.schema);
        const validate = (generated as unknown as Record<string, typeof compiled>)[entry.name]!;
        const samples = [...COMMON, ...SAMPLES[entry.name]!];
        let refused = 0;
        for (const sample of samples) {
          const ok = validate(sample);
          expect(ok, JSON.stringify(sample)).toBe(compiled(sample));
          expect(validate.errors ?? null, JSON.stringify(sample)).toEqual(compiled.errors ?? null);
          if (!ok) refused++;
        }
        // Each validator both refuses and accepts something here, or the comparison proves little.
        expect(refused).toBeGreaterThan(0);
        expect(refused).toBeLessThan(samples.length);
      });
    }
  });

  it('exports the create-task body schema as the text the body parser compares against', () => {
    const entry = validatorCatalogue().find((e) => e.name === 'validateCreateTaskBody')!;
    expect(generated.validateCreateTaskBodySchema).toBe(JSON.stringify(entry.schema));
  });

  it('refuses to generate code that needs more than ajv runtime helpers', () => {
    // A format from ajv-formats would need that package's code at run time.
    const options = { strict: true, formats: { 'date-time': (s: string) => s.length > 0 }, code: { formats: _`require("ajv-formats/dist/formats").fullFormats` } };
    const entry = { name: 'validateWhen', schema: { type: 'string', format: 'date-time' }, options, from: 'test' };
    expect(() => buildValidatorsModule([entry])).toThrow('generated code requires ajv-formats/dist/formats; only ajv/dist/runtime/* is provided');
  });
});
