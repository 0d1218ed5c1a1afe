// Every JSON Schema the emulator validates against, with the ajv options its code relied on when
// it compiled them at run time. scripts/generate-validators.ts compiles this list into
// src/generated/validators.ts; a new validator starts here.
import type { Options } from 'ajv';
import { scenarioSchema } from '../src/engine/scenario-schema.js';
import { faultRuleSchema, faultRulesFileSchema } from '../src/faults/fault-rule-schema.js';
import { accountsSchema, repositoriesSchema, tasksSchema, tokensSchema } from '../src/fixtures/fixture-schemas.js';
import * as controlBodies from '../src/http/control/control-body-schemas.js';
import { rateLimitResetSchema, rateLimitSettingsSchema, rateLimitTokenSchema } from '../src/http/control/rate-limit-schemas.js';
import { readSpecOperations } from '../src/http/shared/spec-operations.js';
import { loadAgentTasksSpec } from '../src/load-spec.js';
import { tenantSnapshotSchema } from '../src/persistence/task-record-schema.js';

export interface ValidatorEntry {
  /** The generated module's export. */
  name: string;
  schema: object;
  options: Options;
  /** Where the schema comes from, for the generated file's readers. */
  from: string;
  /**
   * Also export the schema as JSON text (`<name>Schema`), for callers that are handed a schema at
   * run time and use the generated validator only when it is this one.
   */
  exportSchema?: boolean;
}

// The four option sets in use. allErrors changes the answers (every problem or the first), so each
// validator keeps the set its callers were written against; strict also changes the code
// (strictNumbers), so it is kept too.
const firstStrict: Options = { strict: true, allErrors: false };
const allStrict: Options = { strict: true, allErrors: true };
const firstLoose: Options = { strict: false, allErrors: false };
// GitHub's description is not ours: a keyword strict mode refuses must not stop the build.
const allLoose: Options = { strict: false, allErrors: true };

/** The validators, in a fixed order: the generated code's names depend on it. */
export function validatorCatalogue(): ValidatorEntry[] {
  const createTaskBody = readSpecOperations(loadAgentTasksSpec()).createTaskBodySchema;
  const fixtures = 'src/fixtures/fixture-schemas.ts';
  const control = 'src/http/control/control-body-schemas.ts';
  const rateLimits = 'src/http/control/rate-limit-schemas.ts';
  return [
    { name: 'validateScenario', schema: scenarioSchema, options: firstStrict, from: 'src/engine/scenario-schema.ts' },
    { name: 'validateAccounts', schema: accountsSchema, options: firstStrict, from: fixtures },
    { name: 'validateRepositories', schema: repositoriesSchema, options: firstStrict, from: fixtures },
    { name: 'validateTokens', schema: tokensSchema, options: firstStrict, from: fixtures },
    { name: 'validateTasksPlan', schema: tasksSchema, options: firstStrict, from: fixtures },
    { name: 'validateFaultRule', schema: faultRuleSchema, options: allStrict, from: 'src/faults/fault-rule-schema.ts' },
    { name: 'validateFaultRulesFile', schema: faultRulesFileSchema, options: allStrict, from: 'src/faults/fault-rule-schema.ts' },
    { name: 'validateRateLimitSettings', schema: rateLimitSettingsSchema, options: allStrict, from: rateLimits },
    { name: 'validateRateLimitToken', schema: rateLimitTokenSchema, options: allStrict, from: rateLimits },
    { name: 'validateRateLimitReset', schema: rateLimitResetSchema, options: allStrict, from: rateLimits },
    { name: 'validateClockAdvanceBody', schema: controlBodies.clockAdvanceBodySchema, options: firstLoose, from: control },
    { name: 'validateClockSetBody', schema: controlBodies.clockSetBodySchema, options: firstLoose, from: control },
    { name: 'validateDefaultScenarioBody', schema: controlBodies.defaultScenarioBodySchema, options: firstLoose, from: control },
    { name: 'validateOutcomesBody', schema: controlBodies.outcomesBodySchema, options: firstLoose, from: control },
    { name: 'validateTaskStateBody', schema: controlBodies.taskStateBodySchema, options: firstLoose, from: control },
    { name: 'validateTaskPromptBody', schema: controlBodies.taskPromptBodySchema, options: firstLoose, from: control },
    { name: 'validateLoadTasksBody', schema: controlBodies.loadTasksBodySchema, options: firstLoose, from: control },
    { name: 'validateTenantSeedBody', schema: controlBodies.tenantSeedBodySchema, options: firstLoose, from: control },
    { name: 'validateTenantResetBody', schema: controlBodies.tenantResetBodySchema, options: firstLoose, from: control },
    { name: 'validateTenantSnapshot', schema: tenantSnapshotSchema, options: firstLoose, from: 'src/persistence/task-record-schema.ts' },
    {
      name: 'validateCreateTaskBody',
      schema: createTaskBody,
      options: allLoose,
      from: 'openapi/agent-tasks.json, agent-tasks/create-task-in-repo request body',
      exportSchema: true,
    },
  ];
}
