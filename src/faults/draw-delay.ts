import type { Random } from '../support/random.js';
import type { DelaySpec } from './fault-rule.js';

/** Milliseconds to wait for one request: whole, never negative, drawn from the seeded source. */
export function drawDelay(spec: DelaySpec, random: Random): number {
  if ('ms' in spec) return Math.round(spec.ms);
  if ('uniform' in spec) {
    const { min, max } = spec.uniform;
    return Math.round(min + random.next() * (max - min));
  }
  // Box-Muller; 1 - next() keeps the logarithm's argument in (0, 1].
  const { mean, stddev } = spec.normal;
  const u = 1 - random.next();
  const v = random.next();
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return Math.max(0, Math.round(mean + z * stddev));
}
