import { describe, expect, it } from 'vitest';
import { DEFAULT_OBSERVATION_MINUTES, resolveObservationMinutes } from './observation-time.js';

describe('the observation time', () => {
  it('defaults to 30 minutes, the upper end of the reference’s 15-30', () => {
    expect(DEFAULT_OBSERVATION_MINUTES).toBe(30);
  });

  it.each([0, 1, 15, 30, 240])('takes %i whole minutes', (m) =>
    expect(resolveObservationMinutes(m)).toEqual({ ok: true, value: m }),
  );

  it.each([
    [-1, 'out-of-range'],
    [241, 'out-of-range'],
    [20.5, 'wrong-type'],
    ['20', 'wrong-type'],
    [Number.NaN, 'wrong-type'],
    [null, 'wrong-type'],
  ])('refuses %j (%s), naming the field', (value, code) => {
    const r = resolveObservationMinutes(value);
    expect(r).toEqual({ ok: false, issues: [expect.objectContaining({ path: 'minutes', code })] });
    if (!r.ok) expect(r.issues[0]?.message).toContain('minutes');
  });
});
