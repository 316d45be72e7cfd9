// FHIR date, dateTime and instant values as epoch milliseconds, as SCREENING.md section 4 "Dates"
// reads them: a date without a time is the start of that day, a time without a zone is UTC.
// Parsed by hand, character by character: it runs for every dated record of every screen.

function digits(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return -1;
    v = v * 10 + d;
  }
  return v;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Epoch ms, or undefined when the value is not a FHIR date, dateTime or instant. */
export function parseFhirTime(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const s = value;
  const len = s.length;
  const year = digits(s, 0, 4);
  if (year < 0 || (len > 4 && s.charCodeAt(4) !== 45)) return undefined;
  if (len === 4) return Date.UTC(year, 0, 1);
  const month = digits(s, 5, 2);
  if (month < 1 || month > 12 || (len > 7 && s.charCodeAt(7) !== 45)) return undefined;
  if (len === 7) return Date.UTC(year, month - 1, 1);
  const day = digits(s, 8, 2);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day < 1 || day > (month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month - 1] as number))) return undefined;
  if (len === 10) return Date.UTC(year, month - 1, day);
  // THH:MM, then optional :SS and .fraction, then an optional zone (none means UTC).
  if (s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58) return undefined;
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return undefined;
  let i = 16;
  let second = 0;
  let ms = 0;
  if (s.charCodeAt(i) === 58) {
    second = digits(s, i + 1, 2);
    if (second < 0 || second > 60) return undefined;
    i += 3;
    if (s.charCodeAt(i) === 46) {
      let scale = 100;
      let j = i + 1;
      for (; j < len; j++) {
        const d = s.charCodeAt(j) - 48;
        if (!(d >= 0 && d <= 9)) break;
        ms += d * scale;
        scale /= 10;
      }
      if (j === i + 1) return undefined;
      i = j;
      ms = Math.round(ms);
    }
  }
  let offset = 0;
  if (i < len) {
    const c = s.charCodeAt(i);
    if (c === 90 && i === len - 1) {
      offset = 0;
    } else if ((c === 43 || c === 45) && len === i + 6 && s.charCodeAt(i + 3) === 58) {
      const oh = digits(s, i + 1, 2);
      const om = digits(s, i + 4, 2);
      if (oh < 0 || oh > 14 || om < 0 || om > 59) return undefined;
      offset = (c === 45 ? -1 : 1) * (oh * 60 + om) * 60_000;
    } else {
      return undefined;
    }
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset;
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** "Within N (hours) before as-of": asOf - span <= t <= asOf (SCREENING.md section 2). */
export function isWithin(t: number, asOf: number, spanMs: number): boolean {
  return t <= asOf && t >= asOf - spanMs;
}

/** The UTC calendar date, for counting "distinct days". */
export function utcDay(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}
