import { describe, expect, it } from 'vitest';
import { controlEndpointsOf, unknownControlPathMessage } from './unknown-control-path.js';

const ROUTES = [
  { method: 'ALL', path: '/_emulator/*' },
  { method: 'GET', path: '/_emulator/clock' },
  { method: 'POST', path: '/_emulator/clock/advance' },
  { method: 'POST', path: '/_emulator/clock/set' },
  { method: 'GET', path: '/_emulator/tasks/:task_id' },
  { method: 'POST', path: '/_emulator/tasks/:task_id/state' },
  { method: 'POST', path: '/_emulator/tasks/:task_id/cancel' },
  { method: 'GET', path: '/_emulator/tasks/:task_id/history' },
  { method: 'GET', path: '/_emulator/tasks/:task_id/history' },
  { method: 'GET', path: '/agents/tasks' },
];

describe('controlEndpointsOf', () => {
  it('keeps the control routes once each, with parameters as openapi/emulator.yaml writes them', () => {
    expect(controlEndpointsOf(ROUTES)).toEqual([
      { method: 'GET', path: '/_emulator/clock' },
      { method: 'POST', path: '/_emulator/clock/advance' },
      { method: 'POST', path: '/_emulator/clock/set' },
      { method: 'GET', path: '/_emulator/tasks/{task_id}' },
      { method: 'POST', path: '/_emulator/tasks/{task_id}/state' },
      { method: 'POST', path: '/_emulator/tasks/{task_id}/cancel' },
      { method: 'GET', path: '/_emulator/tasks/{task_id}/history' },
    ]);
  });
});

describe('unknownControlPathMessage', () => {
  const endpoints = controlEndpointsOf(ROUTES);

  it('names the endpoints that share most of the path, whatever their method', () => {
    expect(unknownControlPathMessage(endpoints, 'POST', '/_emulator/clock', '')).toBe(
      'Not Found: no control endpoint POST /_emulator/clock. Near it: GET /_emulator/clock, POST /_emulator/clock/advance, POST /_emulator/clock/set.',
    );
  });

  it('lets a parameter take any segment, and shows the tenant prefix the request used', () => {
    expect(unknownControlPathMessage(endpoints, 'POST', '/_emulator/tasks/abc/statee', '/t/ci-1')).toBe(
      'Not Found: no control endpoint POST /t/ci-1/_emulator/tasks/abc/statee. Near it: GET /t/ci-1/_emulator/tasks/{task_id}, ' +
        'POST /t/ci-1/_emulator/tasks/{task_id}/cancel, GET /t/ci-1/_emulator/tasks/{task_id}/history, POST /t/ci-1/_emulator/tasks/{task_id}/state.',
    );
  });

  it('names the first segments of control paths when nothing shares even the first', () => {
    expect(unknownControlPathMessage(endpoints, 'GET', '/_emulator/clok', '')).toBe('Not Found: no control endpoint GET /_emulator/clok. Control paths go on from /_emulator/ with clock, tasks.');
    expect(unknownControlPathMessage(endpoints, 'GET', '/_emulator', '/t/a')).toBe('Not Found: no control endpoint GET /t/a/_emulator. Control paths go on from /t/a/_emulator/ with clock, tasks.');
    expect(unknownControlPathMessage([], 'GET', '/_emulator/clok', '')).toBe('Not Found: no control endpoint GET /_emulator/clok.');
  });

  it('names at most ten and counts the rest', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ method: 'GET', path: `/_emulator/ui/page-${i}` }));
    const message = unknownControlPathMessage(many, 'GET', '/_emulator/ui/nope', '');
    expect(message.match(/GET \/_emulator\/ui\/page-/g)).toHaveLength(10);
    expect(message).toMatch(/, and 2 more\.$/);
  });
});
