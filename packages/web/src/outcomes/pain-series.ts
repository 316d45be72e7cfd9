// A patient's pain over time across procedures, as plain series for a chart and its table: each
// procedure's baseline (at the injection) and every answer after it, on the same 0-10 scale.
import type { PatientOutcomes } from '../api/outcome-types';

export interface PainPoint {
  /** Epoch ms. */
  readonly t: number;
  readonly pain: number;
}

export interface ProcedureSeries {
  readonly visitId: string;
  readonly injectedAt: number;
  readonly label: string;
  readonly baseline: PainPoint | null;
  readonly answers: readonly PainPoint[];
}

export function painSeries(outcomes: PatientOutcomes, names: (muscle: string) => string): ProcedureSeries[] {
  return [...outcomes.procedures]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((p) => {
      const injectedAt = Date.parse(p.date);
      return {
        visitId: p.visitId,
        injectedAt,
        label: `${new Date(injectedAt).toLocaleDateString(undefined, { dateStyle: 'medium' })}: ${p.sites
          .map((s) => names(s.muscle))
          .join(', ')}`,
        baseline: p.baseline.painNrs === null ? null : { t: injectedAt, pain: p.baseline.painNrs },
        answers: [...p.points].map((pt) => ({ t: Date.parse(pt.at), pain: pt.painNrs })).sort((a, b) => a.t - b.t),
      };
    });
}

/** One sentence per procedure for screen readers: baseline, latest answer, change. */
export function painSummary(series: readonly ProcedureSeries[]): string {
  if (series.length === 0) return 'No procedures with follow-up yet.';
  return series
    .map((s) => {
      const last = s.answers[s.answers.length - 1];
      const base = s.baseline ? `baseline ${s.baseline.pain}` : 'no baseline';
      if (!last) return `${s.label}: ${base}, no answers yet.`;
      return `${s.label}: ${base}, latest ${last.pain} (${s.answers.length} answer${s.answers.length > 1 ? 's' : ''}).`;
    })
    .join(' ');
}
