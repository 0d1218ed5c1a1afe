/** The middle item by `by` (the upper middle of an even count). */
export function medianBy<T>(items: readonly T[], by: (item: T) => number): T {
  return [...items].sort((a, b) => by(a) - by(b))[items.length >> 1]!;
}

/** The middle number (the upper middle of an even count). */
export const median = (xs: readonly number[]): number => medianBy(xs, (x) => x);
