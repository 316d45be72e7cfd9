// The visit's recorded indication (its baseline's ICD-10-CM diagnosis) counts as an active
// diagnosis when the visit is screened: the `no-indication` check (SCREENING.md section 3) reads the
// `conditions` prefetch only, so a clinician who records the indication for this visit, without it
// being on the problem list yet, would otherwise still be told there is none. It joins the chart's
// conditions as an active, confirmed Condition with an id naming the visit, so the screen's trace
// shows where the fact came from; a chart that already holds that code active adds nothing.
import type { Chart, ChartCondition } from '../../fhir/chart.js';

const ACTIVE = new Set(['active', 'recurrence', 'relapse']);
const codeOf = (icd10: string) => icd10.replace(/\./g, '').toUpperCase();

export function withVisitIndication(
  chart: Chart,
  visitId: string,
  indication: { readonly icd10: string; readonly display: string } | undefined,
): Chart {
  if (indication === undefined) return chart;
  const code = codeOf(indication.icd10);
  const known = chart.conditions.some(
    (c) =>
      codeOf(c.icd10) === code &&
      ACTIVE.has(c.clinicalStatus) &&
      c.verificationStatus !== 'refuted' &&
      c.verificationStatus !== 'entered-in-error',
  );
  if (known) return chart;
  const condition: ChartCondition = {
    id: `visit-indication-${visitId}`,
    icd10: indication.icd10,
    display: indication.display,
    clinicalStatus: 'active',
    verificationStatus: 'confirmed',
  };
  return { ...chart, conditions: [...chart.conditions, condition] };
}
