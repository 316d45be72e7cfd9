// Condition: each chart condition (chart-to-fhir.ts), entered-in-error ones included with that
// verification status, so a receiving EHR retracts what it had.
import type { Condition } from '@medplum/fhirtypes';
import { conditionResource } from '../chart-to-fhir.js';
import type { PatientRecord } from './patient-record.js';

export function exportConditions(record: PatientRecord): Condition[] {
  const { patient, conditions } = record.chart;
  return conditions.map((c) => ({ ...conditionResource(patient, c), category: [PROBLEM] }));
}

/** condition-category problem-list-item (FHIR R4 Condition.category, extensible binding). */
const PROBLEM = {
  coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'problem-list-item' }],
};
