// Follow-up offsets as people read and type them: an ISO 8601 duration (PT6H, P1D, P2W, P1DT12H,
// the forms the core accepts) in words ("6 hours", "1 day 12 hours", "2 weeks"), and an amount in
// one unit back to a duration. The server checks the result (core durationMinutes); text that is
// not one of these forms is shown as it is, never guessed.

export const DURATION_UNITS = ['minutes', 'hours', 'days', 'weeks'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

const MINUTES: Record<DurationUnit, number> = { minutes: 1, hours: 60, days: 24 * 60, weeks: 7 * 24 * 60 };
const SINGULAR: Record<DurationUnit, string> = { minutes: 'minute', hours: 'hour', days: 'day', weeks: 'week' };

const WEEKS = /^P(\d{1,6})W$/;
const DAY_TIME = /^P(?:(\d{1,6})D)?(?:T(?:(\d{1,6})H)?(?:(\d{1,6})M)?)?$/;

/** The parts of a duration the core accepts, or undefined for anything else. */
function partsOf(duration: string): Partial<Record<DurationUnit, number>> | undefined {
  const weeks = WEEKS.exec(duration);
  if (weeks) return { weeks: Number(weeks[1]) };
  const parts = DAY_TIME.exec(duration);
  if (!parts || duration === 'P' || duration.endsWith('T')) return undefined;
  const [, d, h, m] = parts;
  return {
    ...(d === undefined ? {} : { days: Number(d) }),
    ...(h === undefined ? {} : { hours: Number(h) }),
    ...(m === undefined ? {} : { minutes: Number(m) }),
  };
}

export function amountInWords(amount: number, unit: DurationUnit): string {
  return `${amount} ${amount === 1 ? SINGULAR[unit] : unit}`;
}

/** "6 hours", "1 day 12 hours", "2 weeks"; the text itself when it is not such a duration. */
export function durationInWords(duration: string): string {
  const parts = partsOf(duration);
  if (!parts) return duration;
  const words = (['weeks', 'days', 'hours', 'minutes'] as const)
    .filter((unit) => parts[unit] !== undefined && parts[unit] !== 0)
    .map((unit) => amountInWords(parts[unit] ?? 0, unit));
  return words.length > 0 ? words.join(' ') : '0 minutes';
}

/** The largest unit the duration is a whole number of, to edit it as an amount and a unit. */
export function amountOf(duration: string): { amount: number; unit: DurationUnit } | undefined {
  const parts = partsOf(duration);
  if (!parts) return undefined;
  const minutes = DURATION_UNITS.reduce((sum, unit) => sum + (parts[unit] ?? 0) * MINUTES[unit], 0);
  const unit = [...DURATION_UNITS].reverse().find((u) => minutes > 0 && minutes % MINUTES[u] === 0) ?? 'minutes';
  return { amount: minutes / MINUTES[unit], unit };
}

/** An amount in one unit as an ISO 8601 duration: 2 weeks -> P2W, 6 hours -> PT6H. */
export function durationOf(amount: number, unit: DurationUnit): string {
  switch (unit) {
    case 'weeks':
      return `P${amount}W`;
    case 'days':
      return `P${amount}D`;
    case 'hours':
      return `PT${amount}H`;
    case 'minutes':
      return `PT${amount}M`;
  }
}
