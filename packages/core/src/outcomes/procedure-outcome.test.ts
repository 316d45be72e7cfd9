import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OutcomeAnswer, ProcedureOutcomeInput } from './outcome-types.js';
import { FLARE_WINDOW_HOURS, procedureOutcome } from './procedure-outcome.js';

const T0 = Date.UTC(2026, 0, 5, 9, 0);
const at = (hours: number) => new Date(T0 + hours * 3_600_000).toISOString();
const days = (d: number) => d * 24;
const answer = (hours: number, painNrs: number | null, extra: Partial<OutcomeAnswer> = {}): OutcomeAnswer => ({
  at: at(hours),
  painNrs,
  ...extra,
});
const input = (baseline: number | null, answers: OutcomeAnswer[], extra: Partial<ProcedureOutcomeInput> = {}) => ({
  procedureAt: at(0),
  baseline: { painNrs: baseline },
  answers,
  ...extra,
});

describe('procedureOutcome: responders (IMMPACT2008: >= 30 % moderate, >= 50 % substantial)', () => {
  it.each([
    // baseline, NRS, relief %, responder30, responder50
    [10, 8, 20, false, false],
    [10, 7, 30, true, false], // exactly 30 %
    [7, 5, (2 / 7) * 100, false, false], // 28.6 %: just under
    [3, 2, (1 / 3) * 100, true, false], // 33.3 %
    [10, 6, 40, true, false],
    [10, 5, 50, true, true], // exactly 50 %
    [9, 5, (4 / 9) * 100, true, false], // 44.4 %: just under
    [8, 4, 50, true, true],
    [7, 4, (3 / 7) * 100, true, false],
    [7, 3, (4 / 7) * 100, true, true],
    [6, 7, (-1 / 6) * 100, false, false], // worse
    [5, 0, 100, true, true],
  ])('baseline %i, NRS %i: relief %f %%, responder30 %s, responder50 %s', (base, nrs, relief, r30, r50) => {
    const o = procedureOutcome(input(base, [answer(days(14), nrs)]));
    expect(o.points[0]?.reliefPct).toBeCloseTo(relief, 9);
    expect(o.responder30).toBe(r30);
    expect(o.responder50).toBe(r50);
    expect(o.endpoint?.hoursAfter).toBe(days(14));
  });

  it('is unknown (null), never false, without a baseline, with a baseline of 0 or without a pain answer', () => {
    for (const o of [
      procedureOutcome(input(null, [answer(24, 2)])),
      procedureOutcome(input(0, [answer(24, 0)])),
      procedureOutcome(input(7, [answer(24, null, { reliefPct: 80 })])),
      procedureOutcome(input(7, [])),
    ]) {
      expect(o.responder30).toBeNull();
      expect(o.responder50).toBeNull();
      expect(o.reliefDuration.status).toBe('unknown');
      expect(o.missing.length).toBeGreaterThan(0);
    }
  });

  it('keeps the relief the patient reports apart from the relief computed on the NRS', () => {
    const o = procedureOutcome(input(8, [answer(24, 6, { reliefPct: 70 })]));
    expect(o.points[0]?.reliefPct).toBe(25);
    expect(o.points[0]?.reportedReliefPct).toBe(70);
    expect(o.responder30).toBe(false);
  });

  it('takes the responder verdicts at the latest pain answer, whatever the order answers arrive in', () => {
    const o = procedureOutcome(input(8, [answer(days(42), 3), answer(6, 2), answer(days(14), 6)]));
    expect(o.endpoint?.hoursAfter).toBe(days(42));
    expect(o.responder50).toBe(true);
    expect(o.points.map((p) => p.hoursAfter)).toEqual([6, days(14), days(42)]);
  });
});

describe('procedureOutcome: duration of relief (>= 50 % by default, LCD_L34211)', () => {
  it.each([
    [
      'ongoing at the last answer',
      [
        [6, 2],
        [days(7), 3],
        [days(42), 4],
      ],
      'ongoing',
      42,
      undefined,
    ],
    [
      'ended after week 2',
      [
        [6, 2],
        [days(14), 4],
        [days(42), 6],
      ],
      'ended',
      14,
      42,
    ],
    [
      'a flare dip inside 72 h does not end it',
      [
        [6, 2],
        [24, 9],
        [72, 8],
        [days(14), 3],
      ],
      'ongoing',
      14,
      undefined,
    ],
    [
      'a dip just after 72 h ends it',
      [
        [6, 2],
        [72.1, 8],
        [days(14), 3],
      ],
      'ended',
      0.3,
      3,
    ],
    [
      'never reached',
      [
        [6, 6],
        [days(14), 5],
      ],
      'not-reached',
      0,
      undefined,
    ],
    [
      'below after the window before any relief',
      [
        [days(7), 6],
        [days(14), 2],
      ],
      'not-reached',
      0,
      undefined,
    ],
    [
      'a dip inside the window with nothing later',
      [
        [6, 2],
        [30, 9],
      ],
      'unknown',
      null,
      undefined,
    ],
  ] as const)('%s', (_, rows, status, d, endedBy) => {
    const o = procedureOutcome(
      input(
        8,
        rows.map(([h, n]) => answer(h, n)),
      ),
    );
    expect(o.reliefDuration.status).toBe(status);
    expect(o.reliefDuration.days).toBe(d);
    expect(o.reliefDuration.endedByDays).toBe(endedBy);
  });

  it('uses the threshold it is given (exactly the threshold counts)', () => {
    const rows = [answer(days(1), 7), answer(days(42), 7)]; // 30 % of 10
    expect(procedureOutcome(input(10, rows, { durationThresholdPct: 30 })).reliefDuration).toMatchObject({
      status: 'ongoing',
      days: 42,
    });
    expect(procedureOutcome(input(10, rows)).reliefDuration.status).toBe('not-reached');
  });
});

describe('procedureOutcome: flare (a rise above baseline in the first 72 h that then falls)', () => {
  it.each([
    [
      'rise at 24 h, lower but not yet at baseline by day 3',
      [
        [24, 8],
        [72, 7],
      ],
      'detected',
      false,
    ],
    [
      'rise at exactly 72 h, lower later',
      [
        [FLARE_WINDOW_HOURS, 7],
        [days(7), 6],
      ],
      'detected',
      true,
    ],
    [
      'rise just after 72 h is not a flare',
      [
        [24, 5],
        [72.5, 9],
        [days(7), 3],
      ],
      'none',
      undefined,
    ],
    [
      'rise that has not fallen yet',
      [
        [8, 8],
        [30, 8],
      ],
      'rise-not-fallen',
      undefined,
    ],
    [
      'equal to baseline is no rise',
      [
        [8, 6],
        [30, 3],
      ],
      'none',
      undefined,
    ],
  ] as const)('%s', (_, rows, status, back) => {
    const o = procedureOutcome(
      input(
        6,
        rows.map(([h, n]) => answer(h, n)),
      ),
    );
    expect(o.flare.status).toBe(status);
    expect(o.flare.backToBaseline).toBe(back);
  });

  it('is unknown without a baseline or without an answer in the first 72 h', () => {
    expect(procedureOutcome(input(null, [answer(6, 9), answer(30, 2)])).flare.status).toBe('unknown');
    expect(procedureOutcome(input(6, [answer(days(7), 2)])).flare.status).toBe('unknown');
  });

  it('reports the peak and when it fell', () => {
    const o = procedureOutcome(input(5, [answer(6, 7), answer(20, 8), answer(48, 6), answer(days(7), 2)]));
    expect(o.flare).toMatchObject({ status: 'detected', peak: { painNrs: 8, hoursAfter: 20 }, fellAtHours: 48 });
  });
});

describe('procedureOutcome: complications and function', () => {
  it('lists what the patient and the clinician reported, with hours after', () => {
    const o = procedureOutcome(
      input(7, [answer(6, 5, { sideEffects: ['bruising'], redFlags: ['fainting'] })], {
        clinicianComplications: [{ type: 'vasovagal', at: at(0.25) }, { type: 'infection' }],
      }),
    );
    expect(o.complications).toEqual([
      { by: 'patient', id: 'bruising', kind: 'side-effect', at: at(6), hoursAfter: 6 },
      { by: 'patient', id: 'fainting', kind: 'red-flag', at: at(6), hoursAfter: 6 },
      { by: 'clinician', id: 'vasovagal', kind: 'complication', at: at(0.25), hoursAfter: 0.3 },
      { by: 'clinician', id: 'infection', kind: 'complication', at: null, hoursAfter: null },
    ]);
  });

  it.each([
    [{ pain: 6, enjoyment: 6, activity: 6 }, { pain: 3, enjoyment: 3, activity: 3 }, 50],
    [{ pain: 8, enjoyment: 7, activity: 6 }, { pain: 4, enjoyment: 4, activity: 3 }, (10 / 21) * 100],
    [{ pain: 5, enjoyment: 5, activity: 5 }, { pain: 6, enjoyment: 5, activity: 5 }, (-1 / 15) * 100],
  ])('PEG %o -> %o: %f %% better', (base, now, pct) => {
    const o = procedureOutcome({
      procedureAt: at(0),
      baseline: { painNrs: base.pain, peg: base },
      answers: [
        answer(days(14), now.pain, { peg: { pain: 9, enjoyment: 9, activity: 9 } }),
        answer(days(42), now.pain, { peg: now }),
      ],
    });
    expect(o.functionalImprovementPct).toBeCloseTo(pct, 9);
  });

  it('says the PEG is missing rather than guessing', () => {
    const o = procedureOutcome(input(7, [answer(days(14), 3)]));
    expect(o.functionalImprovementPct).toBeNull();
    expect(o.missing).toEqual(['baseline PEG', 'a PEG answer after the procedure']);
  });
});

describe('procedureOutcome: properties', () => {
  const rows = fc.array(fc.tuple(fc.double({ min: 0, max: 2000, noNaN: true }), fc.integer({ min: 0, max: 10 })), {
    maxLength: 12,
  });
  const base = fc.integer({ min: 0, max: 10 });

  it('does not depend on the order the answers arrive in', () => {
    fc.assert(
      fc.property(base, rows, fc.integer(), (b, rs, seed) => {
        const answers = rs.map(([h, n]) => answer(h, n));
        const shuffled = [...answers].sort(
          (x, y) => ((x.at.charCodeAt(20) ^ seed) & 7) - ((y.at.charCodeAt(20) ^ seed) & 7),
        );
        const a = procedureOutcome(input(b, answers));
        const c = procedureOutcome(input(b, shuffled));
        expect(c.reliefDuration).toEqual(a.reliefDuration);
        expect(c.flare.status).toBe(a.flare.status);
        expect([c.responder30, c.responder50]).toEqual([a.responder30, a.responder50]);
      }),
    );
  });

  it('a 50 % responder is always a 30 % responder, and a lower pain never loses responder status', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 10 }),
        (b, n, m) => {
          const o = procedureOutcome(input(b, [answer(48, n)]));
          if (o.responder50) expect(o.responder30).toBe(true);
          const lower = procedureOutcome(input(b, [answer(48, Math.min(n, m))]));
          if (o.responder30) expect(lower.responder30).toBe(true);
          if (o.responder50) expect(lower.responder50).toBe(true);
        },
      ),
    );
  });

  it('never claims a duration longer than the last answer, nor a status other than unknown without a baseline', () => {
    fc.assert(
      fc.property(fc.option(base, { nil: null }), rows, (b, rs) => {
        const o = procedureOutcome(
          input(
            b,
            rs.map(([h, n]) => answer(h, n)),
          ),
        );
        const last = Math.max(0, ...rs.map(([h]) => h));
        if (o.reliefDuration.days !== null) expect(o.reliefDuration.days * 24).toBeLessThanOrEqual(last + 2.4);
        if (b === null) expect(o.reliefDuration.status).toBe('unknown');
      }),
    );
  });
});
