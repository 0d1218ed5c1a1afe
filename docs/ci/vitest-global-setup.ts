// A vitest globalSetup that runs one emulator for the whole test run, in the test process.
// vitest.config.ts:  test: { globalSetup: ['./test/emulator-setup.ts'] }
// See docs/in-process.md. test/package/docs-examples.test.ts runs this file for real.
import { startEmulator } from 'agent-tasks-emulator';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the emulator, e.g. http://127.0.0.1:41234 */
    emulatorUrl: string;
    /** octocat's classic personal access token from the built-in fixtures. */
    emulatorToken: string;
  }
}

export default async function setup(project: TestProject) {
  const emulator = await startEmulator();
  project.provide('emulatorUrl', emulator.url);
  project.provide('emulatorToken', emulator.tokens.octocat);
  // Returned teardown: stops the emulator after the last test file.
  return () => emulator.stop();
}
