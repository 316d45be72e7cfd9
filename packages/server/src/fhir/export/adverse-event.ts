// AdverseEvent: each complication of a visit (reference.json terminology.fhir_r4_mapping
// "complication" [FHIR_R4]): actual, the catalogue complication type, severity mild / moderate /
// severe from adverse-event-severity (terminology.code_systems.ae_severity), the action taken,
// the procedure as the suspect. R4's AdverseEvent has no status: one marked entered
// in error is left out, as a retraction an EHR cannot otherwise be told of in R4.
import type { AdverseEvent } from '@medplum/fhirtypes';
import { coding } from '../fhir-systems.js';
import { complicationConcept, EXPORT_SYSTEMS } from './export-systems.js';
import { iso, signedNoteOf, type PatientRecord } from './patient-record.js';

// R4 AdverseEvent.outcome states how it ended, which the record does not know: what was done is
// sent in Knotwork's own extensions instead, never as an outcome guessed.
const ACTION_EXTENSION = 'https://knotwork.dev/fhir/StructureDefinition/complication-action';
const NOTE_EXTENSION = 'https://knotwork.dev/fhir/StructureDefinition/complication-note';
const REPORTED_BY_EXTENSION = 'https://knotwork.dev/fhir/StructureDefinition/complication-reported-by';

const SEVERITY_DISPLAY = { mild: 'Mild', moderate: 'Moderate', severe: 'Severe' } as const;

export function exportAdverseEvents(record: PatientRecord): AdverseEvent[] {
  const subject = { reference: `Patient/${record.chart.patient.id}` };
  return record.visits.flatMap((v) => {
    const note = signedNoteOf(v);
    return v.complications
      .filter((c) => c.status === 'active')
      .map((c): AdverseEvent => ({
        resourceType: 'AdverseEvent',
        id: c.id,
        actuality: 'actual',
        event: complicationConcept(c.type),
        subject,
        encounter: { reference: `Encounter/${v.visit.id}` },
        date: c.onset,
        recordedDate: iso(c.recordedAt),
        ...(c.recordedBy ? { recorder: { reference: `Practitioner/${c.recordedBy}` } } : {}),
        severity: { coding: [coding(EXPORT_SYSTEMS.aeSeverity, c.severity, SEVERITY_DISPLAY[c.severity])] },
        extension: [
          { url: ACTION_EXTENSION, valueString: c.action },
          ...(c.note ? [{ url: NOTE_EXTENSION, valueString: c.note }] : []),
          { url: REPORTED_BY_EXTENSION, valueCode: c.reportedBy },
        ],
        ...(note ? { suspectEntity: [{ instance: { reference: `Procedure/${note.id}` } }] } : {}),
      }));
  });
}
