import { describe, expect, it } from 'vitest';
import { EmulatorOptionsError } from './check-emulator-options.js';
import { createEmulator, type EmulatorOptions } from './create-emulator.js';
import { createEmulatorFetch } from './emulator-fetch.js';
import { startEmulator } from './start-emulator.js';

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(EmulatorOptionsError);
    return (error as Error).message;
  }
  throw new Error('expected an EmulatorOptionsError');
};
const loose = (options: Record<string, unknown>) => options as EmulatorOptions;

describe('in-process options', () => {
  it('refuses an unknown option, naming it, the in-process name of a CLI one, and every valid one', () => {
    const message = refusal(() => createEmulator(loose({ clock: 'manual' })));
    expect(message).toMatch(/^createEmulator: unknown option clock \(did you mean clockMode\?\); the options are /);
    for (const name of ['clockMode', 'timeScale', 'fixturesDir', 'scenarioDirs', 'faultRulesFile', 'tenantIdleMs', 'logLevel', 'controlToken']) {
      expect(message).toContain(name);
    }
    expect(message).not.toMatch(/\bport\b/);
    expect(refusal(() => createEmulator(loose({ sead: 1, faults: 'x.yaml' })))).toMatch(/unknown options sead, faults \(did you mean faultRulesFile\?\)/);
  });

  it('refuses the CLI meaning of a same-named option', () => {
    expect(refusal(() => createEmulator(loose({ fixtures: './fixtures' })))).toMatch(/fixtures takes parsed fixtures; for a folder use fixturesDir/);
    expect(refusal(() => createEmulator(loose({ scenarios: './scenarios' })))).toMatch(/for folders use scenarioDirs/);
  });

  it('refuses a time scale on a clock that does not scale, and scales when only timeScale is given', () => {
    expect(refusal(() => createEmulator({ clockMode: 'manual', timeScale: 60 }))).toMatch(/timeScale applies only to clockMode 'scaled', not 'manual'/);
    expect(refusal(() => createEmulator({ clockMode: 'real', timeScale: 60 }))).toMatch(/not 'real'/);
    const emulator = createEmulator({ timeScale: 60 });
    expect(emulator.tenants.default.clock.scale).toBe(60);
  });

  it('startEmulator also knows port, host and stopGraceMs, and refuses before it listens', async () => {
    await expect(startEmulator(loose({ clock: 'manual' }))).rejects.toThrow(/^startEmulator: unknown option clock \(did you mean clockMode\?\)/);
    await expect(startEmulator(loose({ prot: 0 }))).rejects.toThrow(/the options are .*\bport\b.*stopGraceMs/);
    const running = await startEmulator({ port: 0, host: '127.0.0.1', stopGraceMs: 10, clockMode: 'manual' });
    try {
      expect(running.emulator.tenants.default.clock.mode).toBe('manual');
    } finally {
      await running.stop();
    }
  });

  it('createEmulatorFetch knows emulator as well', () => {
    expect(() => createEmulatorFetch({ emulator: createEmulator() })).not.toThrow();
    expect(refusal(() => createEmulatorFetch(loose({ emulatr: 1 })))).toMatch(/^createEmulatorFetch: unknown option emulatr; the options are .*\bemulator\b/);
  });
});
