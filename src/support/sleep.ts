/** Real waiting, for injected latency; the composition root's default, replaced in unit tests. */
export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
