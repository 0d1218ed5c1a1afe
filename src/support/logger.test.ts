import { describe, expect, it } from 'vitest';
import { createLogger, errorFields, isLogLevel, type LogLevel } from './logger.js';

const NOW = Date.UTC(2026, 0, 2, 3, 4, 5);

function collect(level: LogLevel) {
  const lines: Array<{ level: string; entry: Record<string, unknown> }> = [];
  const logger = createLogger({ level, now: () => NOW, sink: (line, lvl) => lines.push({ level: lvl, entry: JSON.parse(line) }) });
  return { logger, lines };
}

describe('createLogger', () => {
  it('writes one JSON line per entry with time, level, message and fields', () => {
    const { logger, lines } = collect('info');
    logger.info('request', { status: 200 });
    expect(lines).toEqual([{ level: 'info', entry: { time: '2026-01-02T03:04:05.000Z', level: 'info', msg: 'request', status: 200 } }]);
  });

  it.each([
    ['silent', []],
    ['error', ['error']],
    ['info', ['error', 'info']],
    ['debug', ['error', 'info', 'debug']],
  ] as const)('at %s writes only %j', (level, written) => {
    const { logger, lines } = collect(level);
    logger.error('e');
    logger.info('i');
    logger.debug('d');
    expect(lines.map((l) => l.level)).toEqual(written);
    expect(logger.enabled('info')).toBe(written.includes('info' as never));
  });

  it('recognises only the four level names', () => {
    expect(['silent', 'error', 'info', 'debug'].every(isLogLevel)).toBe(true);
    expect(isLogLevel('warn')).toBe(false);
    expect(isLogLevel('INFO')).toBe(false);
  });

  it('describes errors with their stack and other values as text', () => {
    const error = new Error('boom');
    expect(errorFields(error)).toEqual({ error: 'boom', stack: error.stack });
    expect(errorFields('plain')).toEqual({ error: 'plain' });
  });
});
