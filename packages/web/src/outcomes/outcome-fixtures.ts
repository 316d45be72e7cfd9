// Outcomes as the server answers them, computed by the real core from a baseline and answers (for
// the component tests).
import { MEDICARE_PACK, procedureOutcome, repeatEligibility } from '@knotwork/core';
import type { Dashboard, DashboardRow, PatientOutcomes, ProcedureOutcomes } from '../api/outcome-types';

const DAY = 86_400_000;

export function procedure(date: string, baseline: number, pains: readonly [number, number][]): ProcedureOutcomes {
  const t0 = Date.parse(date);
  const points = pains.map(([days, pain]) => ({
    at: new Date(t0 + days * DAY).toISOString(),
    hoursAfter: days * 24,
    pointId: null,
    painNrs: pain,
    reliefPct: Math.max(0, Math.round(((baseline - pain) / baseline) * 100)),
    peg: null,
    pgic: 3,
    sideEffects: [],
    redFlags: [],
  }));
  const last = { procedureAt: date, baseline: { painNrs: baseline, peg: null }, answers: points };
  return {
    visitId: `v-${date}`,
    noteId: `n-${date}`,
    date,
    sites: [{ muscle: 'trapezius-upper', side: 'left' }],
    injectates: ['lidocaine-1pct'],
    indication: 'M79.18',
    baseline: { painNrs: baseline, peg: null },
    points,
    outcome: procedureOutcome(last),
    eligibility: repeatEligibility(MEDICARE_PACK, {
      asOf: new Date(t0 + 50 * DAY).toISOString(),
      last,
      sessions: [{ at: date, muscles: ['trapezius-upper'] }],
    }),
  };
}

export const OUTCOMES: PatientOutcomes = {
  procedures: [
    procedure('2026-08-01T10:00:00.000Z', 8, [
      [1, 3],
      [14, 3],
      [42, 4],
    ]),
    procedure('2026-10-01T10:00:00.000Z', 7, [
      [0.25, 8],
      [3, 5],
    ]),
  ],
};

const rate = (n: number, of: number) => ({ n, of, rate: of === 0 ? null : n / of });
export const row = (key: string, label: string, n30: number, n50: number, of: number): DashboardRow => ({
  key,
  label,
  procedures: of,
  responder30: rate(n30, of),
  responder50: rate(n50, of),
  medianReliefDurationDays: 14,
  flare: rate(1, of),
  complications: rate(0, of),
  steroidExposure: rate(1, of),
});

export const DASHBOARD: Dashboard = {
  filters: {},
  totals: { patients: 3, procedures: 4, answers: 12 },
  overall: row('all', 'All procedures', 3, 2, 4),
  byIndication: [row('M79.18', 'M79.18 Myalgia, other site', 3, 2, 4)],
  byMuscle: [row('trapezius-upper', 'Trapezius, upper fibres', 2, 1, 3)],
  byInjectate: [row('anaesthetic-only', 'Anaesthetic alone', 2, 1, 3), row('with-steroid', 'With steroid', 1, 1, 1)],
  byClinician: [row('00000000-0000-4000-8000-000000000001', 'Dr Demo', 3, 2, 4)],
  byMonth: [row('2026-10', '2026-10', 3, 2, 4)],
};
