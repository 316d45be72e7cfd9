import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FOLLOW_UP_SCHEDULE,
  durationMinutes,
  FOLLOW_UP_AFTER_MAX_MINUTES,
  resolveFollowUpSchedule,
  sameFollowUpSchedule,
  type FollowUpPoint,
} from './follow-up-schedule.js';

const point = (id: string, after: unknown, extra: Record<string, unknown> = {}) => ({ id, label: id, after, ...extra });

describe('ISO 8601 durations of a follow-up point', () => {
  it.each([
    ['PT6H', 360],
    ['PT90M', 90],
    ['P1D', 1440],
    ['P1DT12H', 2160],
    ['P2W', 20160],
    ['P365D', FOLLOW_UP_AFTER_MAX_MINUTES],
    ['P0D', 0],
  ])('%s is %i minutes', (duration, minutes) => expect(durationMinutes(duration)).toBe(minutes));

  it.each(['', 'P', 'PT', 'P1DT', 'P1Y', 'P1M', 'PT30S', 'P1.5D', 'P1W2D', '1D', 'p1d', 'P-1D', 'P1234567D'])(
    'refuses %j',
    (duration) => expect(durationMinutes(duration)).toBeUndefined(),
  );
});

describe('the follow-up schedule', () => {
  it('defaults to this evening, day 1, day 3, week 1, week 2 and week 6, asking PEG at weeks 2 and 6', () => {
    const r = resolveFollowUpSchedule(DEFAULT_FOLLOW_UP_SCHEDULE);
    expect(r).toEqual({ ok: true, value: DEFAULT_FOLLOW_UP_SCHEDULE });
    expect(DEFAULT_FOLLOW_UP_SCHEDULE.points.map((p) => [p.id, durationMinutes(p.after), p.asksPeg])).toEqual([
      ['same-evening', 6 * 60, false],
      ['day-1', 24 * 60, false],
      ['day-3', 3 * 24 * 60, false],
      ['week-1', 7 * 24 * 60, false],
      ['week-2', 14 * 24 * 60, true],
      ['week-6', 42 * 24 * 60, true],
    ]);
  });

  it('takes asksPeg as false when left out', () => {
    const r = resolveFollowUpSchedule({ points: [point('day-1', 'P1D')] });
    expect(r.ok && r.value.points).toEqual([{ id: 'day-1', label: 'day-1', after: 'P1D', asksPeg: false }]);
  });

  it.each([
    [[], '$', 'wrong-type'],
    [{}, 'points', 'missing'],
    [{ points: 'P1D' }, 'points', 'wrong-type'],
    [{ points: [] }, 'points', 'out-of-range'],
    [{ points: Array.from({ length: 21 }, (_, i) => point(`d${i + 1}`, `P${i + 1}D`)) }, 'points', 'out-of-range'],
    [{ points: [point('a', 'P1D')], extra: 1 }, 'extra', 'unknown-field'],
    [{ points: [7] }, 'points[0]', 'wrong-type'],
    [{ points: [{ label: 'x', after: 'P1D' }] }, 'points[0].id', 'missing'],
    [{ points: [point('Week 2', 'P2W')] }, 'points[0].id', 'not-allowed'],
    [{ points: [point('a'.repeat(41), 'P2W')] }, 'points[0].id', 'not-allowed'],
    [{ points: [{ id: 'a', label: ' a', after: 'P1D' }] }, 'points[0].label', 'not-allowed'],
    [{ points: [{ id: 'a', label: '', after: 'P1D' }] }, 'points[0].label', 'not-allowed'],
    [{ points: [{ id: 'a', label: 'x'.repeat(81), after: 'P1D' }] }, 'points[0].label', 'not-allowed'],
    [{ points: [{ id: 'a', label: 3, after: 'P1D' }] }, 'points[0].label', 'wrong-type'],
    [{ points: [point('a', 'P1M')] }, 'points[0].after', 'not-allowed'],
    [{ points: [point('a', 360)] }, 'points[0].after', 'wrong-type'],
    [{ points: [point('a', 'PT0M')] }, 'points[0].after', 'out-of-range'],
    [{ points: [point('a', 'P366D')] }, 'points[0].after', 'out-of-range'],
    [{ points: [point('a', 'P53W')] }, 'points[0].after', 'out-of-range'],
    [{ points: [point('a', 'P1D', { asksPeg: 'yes' })] }, 'points[0].asksPeg', 'wrong-type'],
    [{ points: [point('a', 'P1D', { due: 'soon' })] }, 'points[0].due', 'unknown-field'],
    [{ points: [point('a', 'P1D'), point('a', 'P2D')] }, 'points[1].id', 'inconsistent'],
    [{ points: [point('a', 'P2D'), point('b', 'P1D')] }, 'points[1].after', 'inconsistent'],
    [{ points: [point('a', 'P1W'), point('b', 'P7D')] }, 'points[1].after', 'inconsistent'],
  ])('refuses %j naming %s (%s)', (input, path, code) => {
    const r = resolveFollowUpSchedule(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toContainEqual(expect.objectContaining({ path, code }));
    for (const issue of r.issues)
      expect(issue.message).toContain(issue.path === '$' ? 'follow-up schedule' : issue.path);
  });

  it('names every bad field at once', () => {
    const r = resolveFollowUpSchedule({ points: [point('A', 'P1D'), point('b', 'P1Y'), point('c', 'PT1H')] });
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(['points[0].id', 'points[1].after', 'points[2].after']);
  });

  it('is the same schedule whatever unit an offset is written in', () => {
    const twoWeeks = {
      points: DEFAULT_FOLLOW_UP_SCHEDULE.points.map((p) => (p.id === 'week-2' ? { ...p, after: 'P14D' } : p)),
    };
    expect(sameFollowUpSchedule(twoWeeks, DEFAULT_FOLLOW_UP_SCHEDULE)).toBe(true);
    expect(
      sameFollowUpSchedule({ points: DEFAULT_FOLLOW_UP_SCHEDULE.points.slice(1) }, DEFAULT_FOLLOW_UP_SCHEDULE),
    ).toBe(false);
    const noPeg = { points: DEFAULT_FOLLOW_UP_SCHEDULE.points.map((p) => ({ ...p, asksPeg: false })) };
    expect(sameFollowUpSchedule(noPeg, DEFAULT_FOLLOW_UP_SCHEDULE)).toBe(false);
  });

  // Valid schedules: distinct increasing offsets in minutes, written in any accepted unit.
  const offset = (minutes: number): fc.Arbitrary<string> => {
    const forms: fc.Arbitrary<string>[] = [fc.constant(`PT${minutes}M`)];
    if (minutes % 60 === 0) forms.push(fc.constant(`PT${minutes / 60}H`));
    if (minutes % 1440 === 0) forms.push(fc.constant(`P${minutes / 1440}D`));
    if (minutes % 10080 === 0) forms.push(fc.constant(`P${minutes / 10080}W`));
    const days = Math.floor(minutes / 1440);
    const rest = minutes % 1440;
    if (days > 0 && rest > 0) forms.push(fc.constant(`P${days}DT${Math.floor(rest / 60)}H${rest % 60}M`));
    return fc.oneof(...forms);
  };
  const schedules = fc
    .uniqueArray(
      fc.oneof(fc.integer({ min: 1, max: FOLLOW_UP_AFTER_MAX_MINUTES }), fc.constantFrom(360, 1440, 10080)),
      {
        minLength: 1,
        maxLength: 20,
      },
    )
    .chain((minutes) => {
      const sorted = [...minutes].sort((a, b) => a - b);
      return fc.tuple(
        ...sorted.map((m, i) =>
          fc.record<FollowUpPoint>({
            id: fc.constant(`point-${i + 1}`),
            label: fc.string({ minLength: 1, maxLength: 80 }).map((s) => s.trim() || 'Call'),
            after: offset(m),
            asksPeg: fc.boolean(),
          }),
        ),
      );
    })
    .map((points) => ({ points }));

  it('valid schedules round-trip, through JSON too', () => {
    fc.assert(
      fc.property(schedules, (schedule) => {
        const r = resolveFollowUpSchedule(JSON.parse(JSON.stringify(schedule)));
        expect(r).toEqual({ ok: true, value: schedule });
        if (r.ok) expect(sameFollowUpSchedule(r.value, schedule)).toBe(true);
      }),
    );
  });

  it('a schedule with two points swapped is refused at the later one', () => {
    fc.assert(
      fc.property(
        schedules.filter((s) => s.points.length >= 2),
        fc.nat(),
        (schedule, n) => {
          const i = n % (schedule.points.length - 1);
          const points = [...schedule.points];
          [points[i], points[i + 1]] = [points[i + 1] as FollowUpPoint, points[i] as FollowUpPoint];
          const r = resolveFollowUpSchedule({ points });
          expect(r.ok ? [] : r.issues.map((x) => [x.path, x.code])).toContainEqual([
            `points[${i + 1}].after`,
            'inconsistent',
          ]);
        },
      ),
    );
  });
});
