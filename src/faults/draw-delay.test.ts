import { describe, expect, it } from 'vitest';
import { createRandom } from '../support/random.js';
import { drawDelay } from './draw-delay.js';

describe('drawDelay', () => {
  it('gives a fixed delay as written', () => {
    expect(drawDelay({ ms: 250 }, createRandom(1))).toBe(250);
  });

  it('draws uniform delays within the bounds, and the same ones for the same seed', () => {
    const draws = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 200 }, () => drawDelay({ uniform: { min: 100, max: 200 } }, random));
    };
    const a = draws(7);
    expect(draws(7)).toEqual(a);
    expect(draws(8)).not.toEqual(a);
    expect(Math.min(...a)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...a)).toBeLessThanOrEqual(200);
    expect(new Set(a).size).toBeGreaterThan(20);
  });

  it('draws normal delays around the mean with the given spread, never below zero', () => {
    const random = createRandom(99);
    const xs = Array.from({ length: 4000 }, () => drawDelay({ normal: { mean: 500, stddev: 50 } }, random));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    expect(mean).toBeGreaterThan(495);
    expect(mean).toBeLessThan(505);
    expect(sd).toBeGreaterThan(45);
    expect(sd).toBeLessThan(55);
    const wide = Array.from({ length: 500 }, () => drawDelay({ normal: { mean: 10, stddev: 100 } }, random));
    expect(Math.min(...wide)).toBe(0);
  });
});
