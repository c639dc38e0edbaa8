/** Time, behind an interface so tests can move it (rate limits, expiry, presign expiry). */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export const iso = (clock: Clock): string => new Date(clock.now()).toISOString();

/** A clock that only moves when told to. */
export function manualClock(
  start = Date.UTC(2026, 10, 29, 12),
): Clock & { advance(ms: number): void } {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}
