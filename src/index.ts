// The package's public entry point.
export { startEmulator, type RunningEmulator, type StartOptions } from './start-emulator.js';
export { createEmulator, type Emulator, type EmulatorOptions } from './create-emulator.js';
