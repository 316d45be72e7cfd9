import { durationMinutes } from '@knotwork/core';
import { describe, expect, it } from 'vitest';
import { amountOf, durationInWords, durationOf } from './durations';

describe('follow-up offsets in words', () => {
  it.each([
    ['PT6H', '6 hours'],
    ['P1D', '1 day'],
    ['P3D', '3 days'],
    ['P1W', '1 week'],
    ['P2W', '2 weeks'],
    ['P1DT12H', '1 day 12 hours'],
    ['PT90M', '90 minutes'],
    ['PT1H1M', '1 hour 1 minute'],
  ])('%s reads "%s"', (iso, words) => {
    expect(durationInWords(iso)).toBe(words);
  });

  it('shows what is not such a duration as it is', () => {
    expect(durationInWords('P1M')).toBe('P1M');
    expect(durationInWords('P')).toBe('P');
    expect(amountOf('P1Y')).toBeUndefined();
  });

  it('edits a duration as an amount in its largest whole unit, and writes it back the same length', () => {
    expect(amountOf('P14D')).toEqual({ amount: 2, unit: 'weeks' });
    expect(amountOf('P1DT12H')).toEqual({ amount: 36, unit: 'hours' });
    expect(amountOf('PT90M')).toEqual({ amount: 90, unit: 'minutes' });
    for (const iso of ['PT6H', 'P1D', 'P3D', 'P1W', 'P2W', 'P6W', 'P1DT12H', 'PT90M', 'P10D']) {
      const a = amountOf(iso);
      expect(a).toBeDefined();
      if (!a) continue;
      expect(durationMinutes(durationOf(a.amount, a.unit))).toBe(durationMinutes(iso));
    }
  });
});
