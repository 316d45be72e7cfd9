import { describe, expect, it } from 'vitest';
import {
  EMPTY_TIME_OUT,
  firstDayExpired,
  recordBlockers,
  recordIssues,
  signingBlockers,
  type ProcedureRecord,
  type ProcedureSite,
} from './procedure-record.js';

const site = (over: Partial<ProcedureSite> = {}): ProcedureSite => ({
  muscle: 'trapezius-upper',
  side: 'left',
  needle: { gauge: 25, lengthMm: 38 },
  aspiration: 'negative',
  twitch: true,
  tolerance: 'well',
  administrations: [{ injectate: 'lidocaine-1pct', volumeMl: 2, lot: 'L123', expiry: '2027-03' }],
  ...over,
});
const complete: ProcedureRecord = {
  timeOut: { patient: true, sites: true, sides: true, allergies: true, consent: true },
  sites: [site()],
  complications: [],
  postPainNrs: 2,
};
const plan = {
  sites: [{ muscle: 'trapezius-upper', side: 'left' as const }],
  products: [{ injectate: 'lidocaine-1pct', volumeMl: 5 }],
};

describe('firstDayExpired', () => {
  it.each([
    ['2027-03', '2027-04-01'],
    ['2026-12', '2027-01-01'],
    ['2027-02-28', '2027-03-01'],
    ['2028-02-29', '2028-03-01'],
    ['2026-12-31', '2027-01-01'],
  ])('%s -> %s', (expiry, day) => expect(firstDayExpired(expiry)).toBe(day));

  it.each(['2027-13', '2027-02-30', '2027-3', 'March 2027', '2027-00', ''])('refuses %j', (expiry) =>
    expect(firstDayExpired(expiry)).toBeUndefined(),
  );
});

describe('recordIssues', () => {
  it('refuses a lot that expired before the procedure day, naming its path', () => {
    const record = {
      ...complete,
      sites: [site({ administrations: [{ injectate: 'lidocaine-1pct', volumeMl: 2, lot: 'L9', expiry: '2026-10' }] })],
    };
    expect(recordIssues(record, '2026-11-27')).toEqual([
      {
        path: 'sites[0].administrations[0].expiry',
        message: 'lot L9 of lidocaine-1pct expired (2026-10) before 2026-11-27: it must not be given',
      },
    ]);
  });

  it('accepts a lot on the last day of its expiry month, refuses it the next day', () => {
    const record = {
      ...complete,
      sites: [site({ administrations: [{ injectate: 'lidocaine-1pct', volumeMl: 2, lot: 'L9', expiry: '2026-11' }] })],
    };
    expect(recordIssues(record, '2026-11-30')).toEqual([]);
    expect(recordIssues(record, '2026-12-01')).toHaveLength(1);
  });

  it('refuses an expiry that is not a date', () => {
    const record = {
      ...complete,
      sites: [site({ administrations: [{ injectate: 'lidocaine-1pct', volumeMl: 2, lot: 'L9', expiry: '11/27' }] })],
    };
    expect(recordIssues(record, '2026-11-27')[0]?.message).toContain('is not an expiry date');
  });
});

describe('signingBlockers', () => {
  it('has none for a complete record within the plan', () => {
    expect(signingBlockers(complete, plan)).toEqual([]);
  });

  it('names each unchecked time-out item, the missing pain score and missing lot and expiry', () => {
    const record: ProcedureRecord = {
      timeOut: { ...EMPTY_TIME_OUT, patient: true },
      sites: [site({ administrations: [{ injectate: 'lidocaine-1pct', volumeMl: 2, lot: null, expiry: null }] })],
      complications: [],
      postPainNrs: null,
    };
    expect(signingBlockers(record, plan)).toEqual([
      'time-out not complete: sites confirmed and marked, sides confirmed, allergies confirmed, consent confirmed',
      'lidocaine-1pct at trapezius-upper (left) has no lot number',
      'lidocaine-1pct at trapezius-upper (left) has no expiry date',
      'pain after the procedure (NRS 0-10) is not recorded',
    ]);
  });

  it('blocks a planned site with nothing given, a site or product outside the plan, and more volume than screened', () => {
    const record: ProcedureRecord = {
      ...complete,
      sites: [
        site({ muscle: 'rhomboids', side: 'right' }),
        site({
          administrations: [
            { injectate: 'lidocaine-1pct', volumeMl: 6, lot: 'L', expiry: '2027-01' },
            { injectate: 'triamcinolone-40', volumeMl: 1, lot: 'T', expiry: '2027-01' },
          ],
        }),
      ],
    };
    expect(signingBlockers(record, plan)).toEqual([
      'rhomboids (right) is not in the screened plan: add it and screen again',
      'lidocaine-1pct: 8 mL given, more than the 5 mL screened: change the plan and screen again',
      'triamcinolone-40 was given but is not in the screened plan: add it and screen again',
    ]);
    expect(signingBlockers({ ...complete, sites: [] }, plan)).toEqual([
      'nothing recorded as given at trapezius-upper (left): record it, or take the site out of the plan',
    ]);
    // The same items with their stable codes (the signing-blocked problem's `blockers`).
    expect(recordBlockers(record, plan).map((b) => b.code)).toEqual([
      'site-not-planned',
      'volume-over-plan',
      'product-not-planned',
    ]);
    expect(recordBlockers({ ...complete, sites: [] }, plan).map((b) => b.code)).toEqual(['site-not-recorded']);
  });

  it('codes the time-out, lot, expiry and pain-score blockers', () => {
    const record: ProcedureRecord = {
      timeOut: EMPTY_TIME_OUT,
      sites: [site({ administrations: [{ injectate: 'lidocaine-1pct', volumeMl: 2, lot: ' ', expiry: null }] })],
      complications: [],
      postPainNrs: null,
    };
    expect(recordBlockers(record, plan).map((b) => b.code)).toEqual([
      'time-out-incomplete',
      'lot-missing',
      'expiry-missing',
      'post-pain-missing',
    ]);
  });
});
