// The package's public entry point.
export { startEmulator, type BuiltInFixturesStartOptions, type RunningEmulator, type StartOptions } from './start-emulator.js';
export { createEmulator, type Emulator, type EmulatorOptions } from './create-emulator.js';
export { loadFaultRules, FaultRuleError } from './faults/load-fault-rules.js';
export type { FaultRuleSpec } from './faults/fault-rule.js';
export { createEmulatorFetch, type EmulatorFetchOptions, type FetchFunction } from './emulator-fetch.js';
export { BUILT_IN_TOKEN_NAMES, emulatorTokens, type BuiltInTokenName, type BuiltInTokens, type EmulatorTokens } from './emulator-tokens.js';
export {
  ControlError,
  RequestAssertionError,
  createControlClient,
  type RequestMatch,
  type TaskHistory,
  type ControlClient,
  type ControlClientOptions,
  type ControlledPullRequest,
  type EmulatorHealth,
  type ResetResult,
} from './control-client.js';
export type { LogLevel, LogSink } from './support/logger.js';
