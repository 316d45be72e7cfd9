// The clinic's follow-up schedule: the time points after the procedure note is signed at which the
// patient is contacted (and, at some of them, asked the PEG items). Offsets are ISO 8601 durations
// in days, weeks, hours and minutes (`PT6H`, `P1D`, `P2W`); years and months are refused because
// their length varies, and a schedule must compare its points exactly. Every point is validated and
// every problem named by its path (`points[2].after`), none thrown.
import type { SettingIssue, SettingResult } from './setting-issue.js';

export interface FollowUpPoint {
  /** A stable slug (`week-2`): outcomes recorded at this point refer to it. */
  readonly id: string;
  /** What staff and patients see (`Week 2`). */
  readonly label: string;
  /** After the note is signed, as an ISO 8601 duration (`PT6H`, `P3D`, `P2W`). */
  readonly after: string;
  /** Whether this contact asks the PEG items (pain, enjoyment of life, general activity). */
  readonly asksPeg: boolean;
}

export interface FollowUpSchedule {
  /** In order of `after`, strictly increasing. */
  readonly points: readonly FollowUpPoint[];
}

export const FOLLOW_UP_POINTS_MAX = 20;
/** A year of days: follow-up later than that is a new episode of care, not this procedure's. */
export const FOLLOW_UP_AFTER_MAX_MINUTES = 365 * 24 * 60;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ID_MAX = 40;
const LABEL_MAX = 80;
const POINT_FIELDS = ['id', 'label', 'after', 'asksPeg'] as const;

/**
 * The default schedule (issue 6: the same evening, day 1, day 3, week 1, week 2, week 6), placed on
 * the course the reference describes (REFERENCE.md 6.3, 6.4; reference.json aftercare.timeline and
 * aftercare.follow_up_and_repeat):
 * - this evening: post-injection soreness begins 2-8 h after [HONG1994];
 * - day 1 and day 3: soreness lasts about 1-4 days, back to work the same or next day [PTCARE];
 *   clinics report the main relief at 24-72 h [CLINIC_PAGES];
 * - week 1: the first week of range-of-motion and stretching at home [PTCARE];
 * - week 2: the RCT's pain reassessment point [ROLDAN2020]; PEG asked;
 * - week 6: the repeat criterion is >= 50 % relief lasting >= 6 weeks with functional gain, pain and
 *   function on the same scales as at baseline [LCD_L34211][LCD_MULTI]; PEG (a NIH HEAL core
 *   measure [HEAL]) asked.
 */
export const DEFAULT_FOLLOW_UP_SCHEDULE: FollowUpSchedule = Object.freeze({
  points: Object.freeze([
    Object.freeze({ id: 'same-evening', label: 'This evening', after: 'PT6H', asksPeg: false }),
    Object.freeze({ id: 'day-1', label: 'Day 1', after: 'P1D', asksPeg: false }),
    Object.freeze({ id: 'day-3', label: 'Day 3', after: 'P3D', asksPeg: false }),
    Object.freeze({ id: 'week-1', label: 'Week 1', after: 'P1W', asksPeg: false }),
    Object.freeze({ id: 'week-2', label: 'Week 2', after: 'P2W', asksPeg: true }),
    Object.freeze({ id: 'week-6', label: 'Week 6', after: 'P6W', asksPeg: true }),
  ]),
});

const WEEKS = /^P(\d{1,6})W$/;
const DAY_TIME = /^P(?:(\d{1,6})D)?(?:T(?:(\d{1,6})H)?(?:(\d{1,6})M)?)?$/;

/**
 * Minutes in an ISO 8601 duration of weeks (`P2W`, alone, as ISO 8601 writes weeks) or of days,
 * hours and minutes (`P1DT12H`, `PT90M`); undefined for anything else (years, months, seconds,
 * fractions, an empty `P` or `PT`).
 */
export function durationMinutes(duration: string): number | undefined {
  const weeks = WEEKS.exec(duration);
  if (weeks) return Number(weeks[1]) * 7 * 24 * 60;
  const parts = DAY_TIME.exec(duration);
  if (!parts || duration === 'P' || duration.endsWith('T')) return undefined;
  const [, d, h, m] = parts;
  return Number(d ?? 0) * 24 * 60 + Number(h ?? 0) * 60 + Number(m ?? 0);
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function checkPoint(value: unknown, path: string, issues: SettingIssue[]): FollowUpPoint | undefined {
  if (!isObject(value)) {
    issues.push({ code: 'wrong-type', path, message: `${path} must be an object with id, label and after` });
    return undefined;
  }
  const before = issues.length;
  for (const field of Object.keys(value)) {
    if (!(POINT_FIELDS as readonly string[]).includes(field)) {
      issues.push({
        code: 'unknown-field',
        path: `${path}.${field}`,
        message: `${path}.${field} is not a follow-up point field`,
      });
    }
  }
  const { id, label, after, asksPeg = false } = value;
  if (typeof id !== 'string') {
    issues.push({
      code: id === undefined ? 'missing' : 'wrong-type',
      path: `${path}.id`,
      message: `${path}.id must be a text id`,
    });
  } else if (!ID.test(id) || id.length > ID_MAX) {
    issues.push({
      code: 'not-allowed',
      path: `${path}.id`,
      message: `${path}.id must be lower-case letters and digits joined by single hyphens, at most ${ID_MAX} characters (e.g. "week-2"), not ${JSON.stringify(id)}`,
    });
  }
  if (typeof label !== 'string') {
    issues.push({
      code: label === undefined ? 'missing' : 'wrong-type',
      path: `${path}.label`,
      message: `${path}.label must be text`,
    });
  } else if (label.trim() !== label || label.length === 0 || label.length > LABEL_MAX) {
    issues.push({
      code: 'not-allowed',
      path: `${path}.label`,
      message: `${path}.label must be 1 to ${LABEL_MAX} characters without leading or trailing spaces`,
    });
  }
  if (typeof after !== 'string') {
    issues.push({
      code: after === undefined ? 'missing' : 'wrong-type',
      path: `${path}.after`,
      message: `${path}.after must be an ISO 8601 duration such as "PT6H", "P3D" or "P2W"`,
    });
  } else {
    const minutes = durationMinutes(after);
    if (minutes === undefined) {
      issues.push({
        code: 'not-allowed',
        path: `${path}.after`,
        message: `${path}.after must be an ISO 8601 duration in weeks (P2W) or days, hours and minutes (P1DT12H, PT90M), not ${JSON.stringify(after)}`,
      });
    } else if (minutes <= 0 || minutes > FOLLOW_UP_AFTER_MAX_MINUTES) {
      issues.push({
        code: 'out-of-range',
        path: `${path}.after`,
        message: `${path}.after must be more than zero and at most a year (P365D), not ${after}`,
      });
    }
  }
  if (typeof asksPeg !== 'boolean') {
    issues.push({ code: 'wrong-type', path: `${path}.asksPeg`, message: `${path}.asksPeg must be true or false` });
  }
  if (issues.length > before) return undefined;
  return { id: id as string, label: label as string, after: after as string, asksPeg: asksPeg as boolean };
}

/**
 * A follow-up schedule from untrusted input (an API body, a stored row): `{ points: [...] }`, one to
 * FOLLOW_UP_POINTS_MAX points with unique ids and strictly increasing offsets.
 */
export function resolveFollowUpSchedule(input: unknown): SettingResult<FollowUpSchedule> {
  if (!isObject(input)) {
    return {
      ok: false,
      issues: [{ code: 'wrong-type', path: '$', message: 'a follow-up schedule must be an object with points' }],
    };
  }
  const issues: SettingIssue[] = [];
  for (const field of Object.keys(input)) {
    if (field !== 'points') {
      issues.push({ code: 'unknown-field', path: field, message: `${field} is not a follow-up schedule field` });
    }
  }
  const { points } = input;
  if (!Array.isArray(points)) {
    issues.push({
      code: points === undefined ? 'missing' : 'wrong-type',
      path: 'points',
      message: 'points must be a list of follow-up points',
    });
    return { ok: false, issues };
  }
  if (points.length === 0 || points.length > FOLLOW_UP_POINTS_MAX) {
    issues.push({
      code: 'out-of-range',
      path: 'points',
      message: `points must hold 1 to ${FOLLOW_UP_POINTS_MAX} follow-up points, not ${points.length}`,
    });
    return { ok: false, issues };
  }
  const checked = points.map((p, i) => checkPoint(p, `points[${i}]`, issues));
  // Uniqueness and order are checked on every id and offset that is itself valid, so that a bad
  // label elsewhere in a point does not hide its place in the order.
  const seen = new Set<string>();
  let previous: { minutes: number; after: string } | undefined;
  points.forEach((raw: unknown, i) => {
    const { id, after } = isObject(raw) ? raw : {};
    if (typeof id === 'string') {
      if (seen.has(id)) {
        issues.push({
          code: 'inconsistent',
          path: `points[${i}].id`,
          message: `points[${i}].id repeats "${id}": ids must be unique`,
        });
      }
      seen.add(id);
    }
    const minutes = typeof after === 'string' ? durationMinutes(after) : undefined;
    if (typeof after !== 'string' || minutes === undefined || minutes <= 0 || minutes > FOLLOW_UP_AFTER_MAX_MINUTES)
      return;
    if (previous && minutes <= previous.minutes) {
      issues.push({
        code: 'inconsistent',
        path: `points[${i}].after`,
        message: `points[${i}].after (${after}) must come after the point before it (${previous.after}): offsets strictly increase`,
      });
    }
    previous = { minutes, after };
  });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { points: checked as FollowUpPoint[] } };
}

/** The same points: ids, labels, PEG flags and offsets (`P14D` is `P2W`). */
export function sameFollowUpSchedule(a: FollowUpSchedule, b: FollowUpSchedule): boolean {
  return (
    a.points.length === b.points.length &&
    a.points.every((p, i) => {
      const q = b.points[i];
      return (
        q !== undefined &&
        p.id === q.id &&
        p.label === q.label &&
        p.asksPeg === q.asksPeg &&
        durationMinutes(p.after) === durationMinutes(q.after)
      );
    })
  );
}
