// Patient: the chart's patient (chart-to-fhir.ts), with the identifiers as recorded.
import type { Patient } from '@medplum/fhirtypes';
import { patientResource } from '../chart-to-fhir.js';
import type { PatientRecord } from './patient-record.js';

export function exportPatient(record: PatientRecord): Patient {
  return { ...patientResource(record.chart.patient), active: true };
}
