// The server's "now". `knotwork serve --as-of ISO` fixes it for demos and tests, and says so in
// the log and on every page; otherwise it is the system clock.
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Set when the clock was fixed with --as-of. */
  readonly fixedAt: number | undefined;
}

export const systemClock: Clock = { now: () => Date.now(), fixedAt: undefined };

export function fixedClock(at: number): Clock {
  return { now: () => at, fixedAt: at };
}
