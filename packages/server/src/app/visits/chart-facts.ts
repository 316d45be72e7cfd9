// Facts the visit's care reads from the chart: the latest weight (for dose limits and lipid
// emulsion), whether the patient has diabetes (steroid aftercare), the active conditions' ICD-10
// codes (coding). The catalogue decides the codes and units.
import { catalogue, compileCatalogue } from '@knotwork/core';
import type { Chart } from '../../fhir/chart.js';

const compiled = compileCatalogue(catalogue);
const WEIGHT = catalogue.observations.bodyWeight;
const WEIGHT_LOINC = new Set<string>(WEIGHT.loinc);
const KG_PER_UNIT = new Map<string, number>(Object.entries(WEIGHT.units));

/** The latest weight recorded at or before `at`, in kg, with when it was measured; null when none. */
export function latestWeight(chart: Chart, at: number): { readonly kg: number; readonly at: string } | null {
  const weights = chart.observations
    .filter((o) => WEIGHT_LOINC.has(o.loinc) && o.status !== 'entered-in-error' && Date.parse(o.at) <= at)
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  for (const o of weights) {
    if (!('quantity' in o.value)) continue;
    const factor = KG_PER_UNIT.get(o.value.unit);
    if (factor !== undefined) return { kg: o.value.quantity * factor, at: o.at };
  }
  return null;
}

const isActive = (c: Chart['conditions'][number]) =>
  (c.clinicalStatus === 'active' || c.clinicalStatus === 'recurrence' || c.clinicalStatus === 'relapse') &&
  c.verificationStatus !== 'entered-in-error' &&
  c.verificationStatus !== 'refuted';

/** An active condition in the catalogue's diabetes ICD-10 set. */
export function hasDiabetes(chart: Chart): boolean {
  return chart.conditions.some((c) => isActive(c) && compiled.icd10SetsOf(c.icd10).includes('diabetes'));
}

/** The active conditions' ICD-10-CM codes, those in the catalogue's TPI indication set first. */
export function activeDiagnoses(chart: Chart): string[] {
  const codes = [...new Set(chart.conditions.filter(isActive).map((c) => c.icd10))];
  const indication = (code: string) => compiled.icd10SetsOf(code).includes('indication');
  return [...codes.filter(indication), ...codes.filter((c) => !indication(c))];
}
