// Encounter: each visit, ambulatory (v3-ActCode AMB), with who started it, its indication (the
// baseline's ICD-10-CM code) and, once the note is signed, its Procedure.
import type { Encounter } from '@medplum/fhirtypes';
import { coding, SYSTEMS } from '../fhir-systems.js';
import { EXPORT_SYSTEMS } from './export-systems.js';
import { iso, signedNoteOf, type PatientRecord } from './patient-record.js';

export function exportEncounters(record: PatientRecord): Encounter[] {
  const subject = { reference: `Patient/${record.chart.patient.id}` };
  return record.visits.map((v): Encounter => {
    const note = signedNoteOf(v);
    const end = v.visit.status === 'finished' && note?.signedAt ? { end: iso(note.signedAt) } : {};
    return {
      resourceType: 'Encounter',
      id: v.visit.id,
      status: v.visit.status,
      class: coding(EXPORT_SYSTEMS.actCode, 'AMB', 'ambulatory'),
      type: [{ coding: [coding(SYSTEMS.procedure, 'trigger-point-injection')], text: 'Trigger point injection visit' }],
      subject,
      participant: [{ individual: { reference: `Practitioner/${v.visit.startedBy}` } }],
      period: { start: iso(v.visit.startedAt), ...end },
      ...(v.baseline
        ? {
            reasonCode: [
              {
                coding: [coding(SYSTEMS.icd10cm, v.baseline.indication.icd10, v.baseline.indication.display)],
                text: v.baseline.indication.display,
              },
            ],
          }
        : {}),
    };
  });
}
