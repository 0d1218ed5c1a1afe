// GitHub's timestamps, as every resource's answers write them.

/** GitHub writes timestamps in UTC with second precision: 2026-06-21T09:14:02Z. */
export function isoSeconds(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Epoch ms to GitHub's timestamp text. */
export type IsoSeconds = (epochMs: number) => string;

/**
 * isoSeconds remembering its last second: tasks made or moved in a burst share their timestamps,
 * and converting through Date was the largest single cost of presenting a new task.
 */
export function createIsoSeconds(): IsoSeconds {
  let second = NaN;
  let text = '';
  return (epochMs) => {
    const s = Math.floor(epochMs / 1000);
    if (s !== second) {
      text = isoSeconds(epochMs);
      second = s;
    }
    return text;
  };
}
