import { describe, expect, expectTypeOf, it } from 'vitest';
import { OPTIONS, envOf, flagOf, type CliOptions } from './cli-options.js';
import { parseCommandLine, type Command } from './parse-command-line.js';
import { UsageError } from './usage-error.js';

const options = (argv: string[], env: Record<string, string> = {}) => {
  const command = parseCommandLine(argv, env);
  if (command.name !== 'serve' && command.name !== 'validate') throw new Error(`got ${command.name}`);
  return command.options;
};
const usageError = (argv: string[], env: Record<string, string> = {}) => {
  try {
    parseCommandLine(argv, env);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected a UsageError');
};

describe('parseCommandLine', () => {
  it('serves with the defaults when given nothing', () => {
    expect(parseCommandLine([], {})).toEqual({
      name: 'serve',
      options: { port: 4010, host: '127.0.0.1', fixtures: undefined, seed: 42, baseUrl: undefined, logLevel: 'info', linkStyle: 'description', clock: 'real', timeScale: undefined, clockStart: undefined, scenarios: undefined, defaultScenario: 'happy-path', controlToken: undefined, stateFile: undefined, faults: undefined, tenantIdle: 1800000, maxTenants: 1000, readyJson: false, journalSize: 1000 },
    });
    expect(parseCommandLine(['serve'], {})).toEqual(parseCommandLine([], {}));
  });

  it('types options with a default as always present', () => {
    expectTypeOf<CliOptions['port']>().toEqualTypeOf<number>();
    expectTypeOf<CliOptions['logLevel']>().toEqualTypeOf<'silent' | 'error' | 'info' | 'debug'>();
    expectTypeOf<CliOptions['fixtures']>().toEqualTypeOf<string | undefined>();
  });

  it('reads every flag', () => {
    const argv = ['--port', '0', '--host=0.0.0.0', '--fixtures', './f', '--seed', '7', '--base-url', 'http://e:1', '--log-level', 'debug', '--link-style', 'github',
      '--clock', 'scaled', '--time-scale', '120', '--clock-start', '2026-06-01T00:00:00Z', '--scenarios', './s', '--default-scenario', 'fails',
      '--control-token', 't0k', '--state-file', './state.json', '--faults', './faults.yaml', '--tenant-idle', '5m', '--max-tenants', '10', '--ready-json', '--journal-size', '50'];
    expect(options(argv)).toEqual({ port: 0, host: '0.0.0.0', fixtures: './f', seed: 7, baseUrl: 'http://e:1', logLevel: 'debug', linkStyle: 'github',
      clock: 'scaled', timeScale: 120, clockStart: Date.UTC(2026, 5, 1), scenarios: './s', defaultScenario: 'fails', controlToken: 't0k',
      stateFile: './state.json', faults: './faults.yaml', tenantIdle: 300000, maxTenants: 10, readyJson: true, journalSize: 50 });
  });

  it('reads AGENT_TASKS_<FLAG> for every option in the table', () => {
    const samples: Record<string, string> = { port: '5000', host: '::1', fixtures: '/f', seed: '9', baseUrl: 'https://x', logLevel: 'error', logFormat: 'pretty', linkStyle: 'github',
      clock: 'scaled', timeScale: '30', clockStart: '2026-01-01T00:00:00Z', scenarios: '/s', defaultScenario: 'cancelled', controlToken: 'c',
      stateFile: '/st', faults: '/fa', tenantIdle: '1000', maxTenants: '3', readyJson: '1', journalSize: '7' };
    expect(Object.keys(samples).sort()).toEqual(Object.keys(OPTIONS).sort());
    const env = Object.fromEntries(Object.entries(samples).map(([name, value]) => [envOf(name), value]));
    expect(options([], env)).toEqual({ port: 5000, host: '::1', fixtures: '/f', seed: 9, baseUrl: 'https://x', logLevel: 'error', logFormat: 'pretty', linkStyle: 'github',
      clock: 'scaled', timeScale: 30, clockStart: Date.UTC(2026, 0, 1), scenarios: '/s', defaultScenario: 'cancelled', controlToken: 'c',
      stateFile: '/st', faults: '/fa', tenantIdle: 1000, maxTenants: 3, readyJson: true, journalSize: 7 });
  });

  it('also honours plain PORT and HOST, after the AGENT_TASKS_ names and the flags', () => {
    expect(options([], { PORT: '8080', HOST: '0.0.0.0' })).toMatchObject({ port: 8080, host: '0.0.0.0' });
    expect(options([], { PORT: '8080', AGENT_TASKS_PORT: '9090' })).toMatchObject({ port: 9090 });
    expect(options(['--port', '7070'], { PORT: '8080', AGENT_TASKS_PORT: '9090' })).toMatchObject({ port: 7070 });
  });

  it('treats an empty variable as unset', () => {
    expect(options([], { AGENT_TASKS_PORT: '', PORT: '8080', AGENT_TASKS_LOG_LEVEL: '' })).toMatchObject({ port: 8080, logLevel: 'info' });
  });

  it('names the flag or variable a bad value came from', () => {
    expect(usageError(['--port', 'abc'])).toBe('--port must be an integer from 0 to 65535, not "abc"');
    expect(usageError([], { PORT: '70000' })).toBe('PORT must be an integer from 0 to 65535, not "70000"');
    expect(usageError([], { AGENT_TASKS_SEED: '-1' })).toBe('AGENT_TASKS_SEED must be an integer from 0 to 4294967295, not "-1"');
    expect(usageError(['--log-level', 'loud'])).toBe('--log-level must be one of silent, error, info, debug, not "loud"');
    expect(usageError(['--link-style', 'gitlab'])).toBe('--link-style must be one of description, github, not "gitlab"');
    expect(usageError(['--base-url', 'example.com'])).toBe('--base-url must be an absolute http or https URL, not "example.com"');
    expect(usageError(['--host', ''])).toBe('--host must be a non-empty value, not ""');
    expect(usageError(['--time-scale', '0'])).toBe('--time-scale must be a number greater than 0, such as 60 or 0.5, not "0"');
    expect(usageError(['--clock-start', 'noon'])).toBe('--clock-start must be an ISO 8601 timestamp such as 2026-06-01T09:00:00Z, not "noon"');
    expect(usageError(['--tenant-idle', 'forever'])).toBe('--tenant-idle must be a duration such as 30s, 30m or 1h (or milliseconds), not "forever"');
    expect(usageError(['--clock', 'fast'])).toBe('--clock must be one of real, scaled, manual, not "fast"');
  });

  it('refuses a time scale with a clock that does not scale, naming both sources', () => {
    expect(usageError(['--clock', 'manual', '--time-scale', '60'])).toBe('--time-scale runs a scaled clock, but --clock asks for manual: give --clock scaled, or leave it out');
    expect(usageError(['--time-scale', '60'], { AGENT_TASKS_CLOCK: 'real' })).toBe(
      '--time-scale runs a scaled clock, but AGENT_TASKS_CLOCK asks for real: give AGENT_TASKS_CLOCK scaled, or leave it out',
    );
    expect(options(['--time-scale', '60'])).toMatchObject({ clock: 'real', timeScale: 60 });
    expect(options(['--clock', 'scaled', '--time-scale', '60'])).toMatchObject({ clock: 'scaled', timeScale: 60 });
    expect(options(['--clock', 'manual'])).toMatchObject({ clock: 'manual', timeScale: undefined });
  });

  it('takes a switch without a value, and its variable as 1/true or 0/false', () => {
    expect(options(['--ready-json']).readyJson).toBe(true);
    expect(options([], { AGENT_TASKS_READY_JSON: 'false' }).readyJson).toBe(false);
    expect(options([], { AGENT_TASKS_READY_JSON: 'true' }).readyJson).toBe(true);
    expect(usageError([], { AGENT_TASKS_READY_JSON: 'maybe' })).toBe('AGENT_TASKS_READY_JSON must be 1, true or yes, or 0, false or no, not "maybe"');
    expect(usageError(['--ready-json=yes'])).toMatch(/--ready-json/);
  });

  it('refuses unknown options, stray arguments, missing values and unknown commands', () => {
    expect(usageError(['--prot', '1'])).toBe('unknown option --prot for serve');
    expect(usageError(['serve', 'now'])).toMatch(/Unexpected argument 'now'/);
    expect(usageError(['--port'])).toMatch(/--port <value>' argument missing/);
    expect(usageError(['start'])).toBe('unknown command "start"; the commands are serve, validate, contract');
  });

  it('gives validate only the options it uses, and ignores the environment of the others', () => {
    expect(parseCommandLine(['validate', '--fixtures', './f'], { PORT: 'not a port' })).toMatchObject({
      name: 'validate',
      options: { fixtures: './f' },
    });
    expect(options(['validate'], { AGENT_TASKS_FIXTURES: '/env' }).fixtures).toBe('/env');
    expect(usageError(['validate', '--port', '1'])).toBe('unknown option --port for validate');
  });

  it('answers --help and -h with the topic, before looking at values', () => {
    expect(parseCommandLine(['--help'], {})).toEqual({ name: 'help', topic: undefined });
    expect(parseCommandLine(['-h', '--port', 'abc'], {})).toEqual({ name: 'help', topic: undefined });
    expect(parseCommandLine(['validate', '-h'], {})).toEqual({ name: 'help', topic: 'validate' });
    expect(parseCommandLine(['--version'], {})).toEqual({ name: 'version' });
  });

  it('passes everything after contract through untouched, --help included', () => {
    const argv = ['contract', '--target', 'http://127.0.0.1:4010', '--help', 'extra'];
    expect(parseCommandLine(argv, { PORT: 'junk' })).toEqual<Command>({ name: 'contract', argv: argv.slice(1) });
  });

  it('derives flag and variable names from option names', () => {
    expect(flagOf('baseUrl')).toBe('base-url');
    expect(envOf('baseUrl')).toBe('AGENT_TASKS_BASE_URL');
    expect(envOf('timeScale')).toBe('AGENT_TASKS_TIME_SCALE');
  });
});
