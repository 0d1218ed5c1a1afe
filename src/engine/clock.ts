// Every timestamp the emulator writes comes from a Clock. One implementation covers the three
// modes: real (scale 1), scaled (scale N) and manual (scale 0, moved only by advance/set).

export type ClockMode = 'real' | 'scaled' | 'manual';

export interface Clock {
  now(): number;
}

export interface ControllableClock extends Clock {
  readonly mode: ClockMode;
  readonly scale: number;
  advance(ms: number): number;
  set(epochMs: number): number;
}

export interface ClockOptions {
  /** Real time source in epoch ms; main.ts passes Date.now, tests pass their own. */
  source: () => number;
  mode: ClockMode;
  /** Virtual ms per real ms for 'scaled'. */
  scale?: number;
  /** Virtual time at creation; defaults to the source's time. */
  start?: number;
}

export function createClock(options: ClockOptions): ControllableClock {
  const scale = options.mode === 'manual' ? 0 : options.mode === 'real' ? 1 : (options.scale ?? 1);
  if (!(scale >= 0) || !Number.isFinite(scale)) throw new Error(`clock scale must be a finite number >= 0, got ${scale}`);
  let anchorReal = options.source();
  let anchorVirtual = options.start ?? anchorReal;
  const now = () => anchorVirtual + Math.floor((options.source() - anchorReal) * scale);
  const rebase = (virtual: number) => {
    anchorReal = options.source();
    anchorVirtual = virtual;
    return virtual;
  };
  return {
    mode: options.mode,
    scale,
    now,
    advance: (ms) => rebase(now() + ms),
    set: (epochMs) => rebase(epochMs),
  };
}
