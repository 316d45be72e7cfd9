import { describe, expect, it } from 'vitest';
import { isWithin, parseFhirTime, DAY_MS } from './fhir-time.js';

describe('FHIR times (SCREENING.md section 4 "Dates")', () => {
  it.each([
    ['2026-11-27', '2026-11-27T00:00:00.000Z'],
    ['2026-11', '2026-11-01T00:00:00.000Z'],
    ['2026', '2026-01-01T00:00:00.000Z'],
    ['2026-11-27T10:00:00Z', '2026-11-27T10:00:00.000Z'],
    ['2026-11-27T10:00:00', '2026-11-27T10:00:00.000Z'],
    ['2026-11-27T10:00', '2026-11-27T10:00:00.000Z'],
    ['2026-11-27T10:00:00.250+02:00', '2026-11-27T08:00:00.250Z'],
    ['2026-11-27T10:00:00-05:30', '2026-11-27T15:30:00.000Z'],
  ])('%s is %s', (text, iso) => {
    expect(new Date(parseFhirTime(text) ?? NaN).toISOString()).toBe(iso);
  });

  it.each(['', 'yesterday', '2026-13-01', '2026-02-30', '27/11/2026', 20261127, null, undefined, {}])(
    '%j is not a time',
    (v) => {
      expect(parseFhirTime(v)).toBeUndefined();
    },
  );

  it('"within N days" includes both ends and nothing after as-of', () => {
    const asOf = parseFhirTime('2026-11-27T10:00:00Z') ?? 0;
    expect(isWithin(asOf - 42 * DAY_MS, asOf, 42 * DAY_MS)).toBe(true);
    expect(isWithin(asOf - 42 * DAY_MS - 1, asOf, 42 * DAY_MS)).toBe(false);
    expect(isWithin(asOf, asOf, 42 * DAY_MS)).toBe(true);
    expect(isWithin(asOf + 1, asOf, 42 * DAY_MS)).toBe(false);
  });
});
