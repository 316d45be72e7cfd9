// MedicationStatement: each medicine on the chart (RxNorm when known, else its text).
import type { MedicationStatement } from '@medplum/fhirtypes';
import { medicineResource } from '../chart-to-fhir.js';
import type { PatientRecord } from './patient-record.js';

export function exportMedicines(record: PatientRecord): MedicationStatement[] {
  const { patient, medicines } = record.chart;
  return medicines.map((m) => medicineResource(patient, m));
}
