// Observation: the chart's vitals and labs (chart-to-fhir.ts, with their FHIR category), and the
// pain NRS of each visit, LOINC 72514-3 [LOINC_SRC] as an integer 0-10: before the procedure (the
// visit's baseline) and after it (the signed note), each tied to the visit's Encounter and the
// post-procedure score to its Procedure (reference.json terminology.fhir_r4_mapping).
import type { Observation } from '@medplum/fhirtypes';
import { catalogue } from '@knotwork/core';
import { observationResource } from '../chart-to-fhir.js';
import { EXPORT_SYSTEMS, PAIN_NRS } from './export-systems.js';
import { iso, signedNoteOf, type PatientRecord } from './patient-record.js';

const LOINC_CATEGORY = new Map<string, string>();
for (const key of ['bodyWeight', 'bodyTemperature'] as const)
  for (const code of catalogue.observations[key].loinc) LOINC_CATEGORY.set(code, 'vital-signs');
for (const key of ['inr', 'platelets'] as const)
  for (const code of catalogue.observations[key].loinc) LOINC_CATEGORY.set(code, 'laboratory');
for (const code of catalogue.observations.painNrs.loinc) LOINC_CATEGORY.set(code, 'survey');
for (const code of catalogue.observations.pregnancyStatus.loinc) LOINC_CATEGORY.set(code, 'exam');

const category = (code: string) => [
  { coding: [{ system: EXPORT_SYSTEMS.observationCategory, code, display: CATEGORY_DISPLAY[code] ?? code }] },
];
const CATEGORY_DISPLAY: Record<string, string> = {
  'vital-signs': 'Vital Signs',
  laboratory: 'Laboratory',
  survey: 'Survey',
  exam: 'Exam',
};

/** The id of a visit's pain score before (`pre`) or after (`post`) the procedure. */
export const painObservationId = (when: 'pre' | 'post', ownerId: string) => `pain-${when}-${ownerId}`;

export function exportObservations(record: PatientRecord): Observation[] {
  const { patient, observations } = record.chart;
  const subject = { reference: `Patient/${patient.id}` };
  const out: Observation[] = observations.map((o) => {
    const cat = LOINC_CATEGORY.get(o.loinc);
    return { ...observationResource(patient, o), ...(cat ? { category: category(cat) } : {}) };
  });
  for (const v of record.visits) {
    const encounter = { reference: `Encounter/${v.visit.id}` };
    if (v.baseline) {
      out.push({
        resourceType: 'Observation',
        id: painObservationId('pre', v.visit.id),
        status: 'final',
        category: category('survey'),
        code: PAIN_NRS,
        subject,
        encounter,
        effectiveDateTime: iso(v.baseline.recordedAt),
        valueInteger: v.baseline.painNrs,
        note: [{ text: 'Before the procedure (visit baseline)' }],
      });
    }
    const note = signedNoteOf(v);
    if (note && note.content.painNrs !== null && note.signedAt !== null) {
      out.push({
        resourceType: 'Observation',
        id: painObservationId('post', note.id),
        status: note.status === 'amended' ? 'amended' : 'final',
        category: category('survey'),
        code: PAIN_NRS,
        subject,
        encounter,
        partOf: [{ reference: `Procedure/${note.id}` }],
        effectiveDateTime: iso(note.signedAt),
        valueInteger: note.content.painNrs,
        note: [{ text: 'After the procedure (signed procedure note)' }],
      });
    }
  }
  return out;
}
