// AllergyIntolerance: each chart allergy or intolerance (chart-to-fhir.ts: RxNorm, catalogue
// injectate or substance class, or text when nothing better is known).
import type { AllergyIntolerance } from '@medplum/fhirtypes';
import { allergyResource } from '../chart-to-fhir.js';
import type { PatientRecord } from './patient-record.js';

export function exportAllergies(record: PatientRecord): AllergyIntolerance[] {
  const { patient, allergies } = record.chart;
  return allergies.map((a) => allergyResource(patient, a));
}
