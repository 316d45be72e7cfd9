import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVICORE_PACK, MEDICARE_PACK } from './eligibility-packs.js';
import type { EligibilityPack, OutcomeAnswer, PegItems, RepeatEligibilityInput } from './outcome-types.js';
import { addMonthsUtc, repeatEligibility, verdictOfCriteria } from './repeat-eligibility.js';

const T0 = Date.UTC(2026, 0, 5, 9, 0);
const DAY = 86_400_000;
const day = (d: number) => new Date(T0 + d * DAY).toISOString();
const peg = (n: number): PegItems => ({ pain: n, enjoyment: n, activity: n });

function facts(o: {
  answers?: OutcomeAnswer[];
  basePeg?: PegItems | null;
  asOfDay?: number;
  sessions?: { day: number; muscles: string[] }[];
  planned?: string[];
}): RepeatEligibilityInput {
  return {
    asOf: day(o.asOfDay ?? 50),
    last: {
      procedureAt: day(0),
      baseline: { painNrs: 8, peg: o.basePeg === undefined ? peg(6) : o.basePeg },
      answers: o.answers ?? [
        { at: day(1), painNrs: 3 },
        { at: day(14), painNrs: 3, peg: peg(4) },
        { at: day(42), painNrs: 4, peg: peg(3) },
      ],
    },
    sessions: (o.sessions ?? [{ day: 0, muscles: ['trapezius-upper'] }]).map((s) => ({
      at: day(s.day),
      muscles: s.muscles,
    })),
    ...(o.planned ? { plannedMuscles: o.planned } : {}),
  };
}
const criterion = (r: ReturnType<typeof repeatEligibility>, id: string) => r.criteria.find((c) => c.id === id);

describe('repeatEligibility under the Medicare pack (LCD_L34211)', () => {
  it('is eligible when all four criteria are met, with the facts of each', () => {
    const r = repeatEligibility(MEDICARE_PACK, facts({}));
    expect(r.verdict).toBe('eligible');
    expect(r.pack).toEqual({ id: 'medicare-lcd-l34211', version: 1, name: MEDICARE_PACK.name });
    expect(r.criteria.map((c) => [c.id, c.met])).toEqual([
      ['relief-50-6-weeks', true],
      ['function-50', true],
      ['same-site-6-weeks', true],
      ['max-3-per-12-months', true],
    ]);
    expect(criterion(r, 'relief-50-6-weeks')?.facts).toMatchObject({ status: 'ongoing', days: 42 });
    expect(r.notChecked).toHaveLength(1);
  });

  it.each([
    // last answer day, its NRS (baseline 8), met
    [41, 4, null], // ongoing, not yet 6 weeks: missing an answer on or after day 42
    [42, 4, true], // exactly 6 weeks at exactly 50 %
    [42, 5, false], // 37.5 % at week 6, ended by day 42
    [60, 5, null], // relief ended between day 14 and day 60: unknown when
  ])('relief: last answer on day %i with NRS %i -> %s', (d, nrs, met) => {
    const answers = [
      { at: day(14), painNrs: 3 },
      { at: day(d), painNrs: nrs },
    ];
    const c = criterion(repeatEligibility(MEDICARE_PACK, facts({ answers, asOfDay: 70 })), 'relief-50-6-weeks');
    expect(c?.met).toBe(met);
    if (met === null) expect(c?.missing).toBeTruthy();
  });

  it.each([
    [6, 3, true], // exactly 50 %
    [6, 4, false],
    [9, 4, true], // 55.6 %
    [5, 3, false], // 40 %
  ])('function: PEG %i -> %i: %s', (base, now, met) => {
    const answers = [{ at: day(42), painNrs: 3, peg: peg(now) }];
    expect(
      criterion(repeatEligibility(MEDICARE_PACK, facts({ answers, basePeg: peg(base) })), 'function-50')?.met,
    ).toBe(met);
  });

  it('says the PEG is missing and the verdict is unknown, never eligible', () => {
    const r = repeatEligibility(MEDICARE_PACK, facts({ basePeg: null }));
    expect(criterion(r, 'function-50')).toMatchObject({ met: null, missing: 'the baseline PEG' });
    expect(r.verdict).toBe('unknown');
  });

  it.each([
    [41, false],
    [42, true], // exactly 6 weeks
  ])('interval: %i days after the same site -> %s', (asOfDay, met) => {
    const answers = [{ at: day(41), painNrs: 2, peg: peg(2) }];
    const c = criterion(repeatEligibility(MEDICARE_PACK, facts({ answers, asOfDay })), 'same-site-6-weeks');
    expect(c?.met).toBe(met);
  });

  it('interval: a session at another muscle does not count toward the same site', () => {
    const r = repeatEligibility(
      MEDICARE_PACK,
      facts({
        sessions: [
          { day: 0, muscles: ['trapezius-upper'] },
          { day: 40, muscles: ['gluteus-medius-minimus'] },
        ],
        planned: ['trapezius-upper'],
      }),
    );
    expect(criterion(r, 'same-site-6-weeks')?.met).toBe(true);
  });

  it.each([
    [[-200, 0], true], // 3 with this one
    [[-300, -200, 0], false], // 4 with this one
    [[-400, -200, 0], true], // one outside the rolling year
    [[-315, -200, 0], true], // exactly 12 months before the day asked (day 50): outside the window
    [[-314, -200, 0], false], // a day inside it
  ])('sessions in 12 months %o -> %s', (days, met) => {
    const r = repeatEligibility(
      MEDICARE_PACK,
      facts({ sessions: days.map((d) => ({ day: d, muscles: ['rhomboids'] })) }),
    );
    expect(criterion(r, 'max-3-per-12-months')?.met).toBe(met);
  });

  it('one failed criterion makes it not eligible even when another is unknown', () => {
    const r = repeatEligibility(MEDICARE_PACK, facts({ basePeg: null, asOfDay: 10 }));
    expect(r.verdict).toBe('not-eligible');
  });
});

describe('repeatEligibility under the eviCore pack (EVICORE)', () => {
  it('needs two calendar months between sessions at any site', () => {
    const sessions = [{ day: 0, muscles: ['trapezius-upper'] }];
    // T0 is 5 January: 5 March is two months on.
    const feb = (Date.UTC(2026, 2, 5, 9) - T0) / DAY;
    const answers = [{ at: day(20), painNrs: 2, peg: peg(5) }];
    expect(
      criterion(repeatEligibility(EVICORE_PACK, facts({ sessions, answers, asOfDay: feb - 1 })), 'two-months-apart')
        ?.met,
    ).toBe(false);
    expect(
      criterion(repeatEligibility(EVICORE_PACK, facts({ sessions, answers, asOfDay: feb })), 'two-months-apart')?.met,
    ).toBe(true);
  });

  it('counts sessions per body region and takes any functional gain', () => {
    const sessions = [-300, -200, -100, 0].map((d) => ({ day: d, muscles: ['trapezius-upper'] }));
    const r = repeatEligibility(EVICORE_PACK, facts({ sessions, planned: ['gluteus-medius-minimus'] }));
    expect(criterion(r, 'max-4-per-region-per-year')?.met).toBe(true);
    const same = repeatEligibility(EVICORE_PACK, facts({ sessions }));
    expect(criterion(same, 'max-4-per-region-per-year')?.met).toBe(false);
    expect(criterion(same, 'function-improved')?.met).toBe(true);
  });

  it('names an unknown muscle as missing for a region criterion', () => {
    const r = repeatEligibility(EVICORE_PACK, facts({ planned: ['not-a-muscle'] }));
    expect(criterion(r, 'max-4-per-region-per-year')).toMatchObject({
      met: null,
      missing: 'the body region of not-a-muscle',
    });
  });
});

describe('repeatEligibility: properties', () => {
  it('the verdict is eligible only when every criterion is true, not-eligible exactly when one is false', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(true, false, null), { maxLength: 6 }), (mets) => {
        const v = verdictOfCriteria(mets.map((met) => ({ met })));
        expect(v === 'eligible').toBe(mets.length > 0 && mets.every((m) => m === true));
        expect(v === 'not-eligible').toBe(mets.includes(false));
      }),
    );
  });

  it('removing a fact never turns unknown into eligible (missing data is never an all-clear)', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.integer({ min: 0, max: 80 }), (dropPeg, dropAnswers, asOfDay) => {
        const full = facts({ asOfDay: asOfDay + 42 });
        const less: RepeatEligibilityInput = {
          ...full,
          last: {
            ...full.last,
            baseline: { painNrs: full.last.baseline.painNrs, peg: dropPeg ? null : full.last.baseline.peg },
            answers: dropAnswers ? [] : full.last.answers,
          },
        };
        const r = repeatEligibility(MEDICARE_PACK, less);
        if (dropPeg || dropAnswers) expect(r.verdict).not.toBe('eligible');
      }),
    );
  });

  it('adds calendar months, clamping to the end of the month', () => {
    expect(new Date(addMonthsUtc(Date.UTC(2026, 0, 31, 12), 1)).toISOString()).toBe('2026-02-28T12:00:00.000Z');
    expect(new Date(addMonthsUtc(Date.UTC(2026, 2, 15), -12)).toISOString()).toBe('2025-03-15T00:00:00.000Z');
  });

  it('a pack with no criteria is never eligible', () => {
    const empty: EligibilityPack = { id: 'x', version: 1, name: 'x', sources: ['CLINIC'], criteria: [] };
    expect(repeatEligibility(empty, facts({})).verdict).toBe('unknown');
  });
});
