// The server's clinical "now". `knotwork serve --as-of ISO` fixes it for demos and tests, and says
// so in the log and on every page; otherwise it is the system clock.
//
// One clock for clinical times: whatever a record says happened takes this clock (routes pass
// `deps.clock.now()`; a use case that also writes an audit row takes it as `clinicalAt` or `asOf`
// beside its real-time `at`): a visit's start, a screen's as-of, a baseline's recordedAt, a
// consent's and a note's signedAt, administrations, complications and their onset check, a
// record's time, a review, an override, the weight a dose is checked with, a printout's time, and
// the day a lot's expiry is compared with. Real time (the routes' `deps.now()`) is for what is
// about the system, not the patient: the audit rows' `at`, sessions, API tokens, rate limits,
// lockouts, JWT checks.
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
