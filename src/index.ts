// The package's public entry point.
export { startEmulator, type RunningEmulator, type StartOptions } from './start-emulator.js';
export { createEmulator, type Emulator, type EmulatorOptions } from './create-emulator.js';
export { loadFaultRules, FaultRuleError } from './faults/load-fault-rules.js';
export type { FaultRuleSpec } from './faults/fault-rule.js';
