// Every FHIR R4 resource of one patient's record, in a fixed order (the Patient first, then the
// chart, then each visit's resources, then the people they name), and the resource types the
// export emits (what the CapabilityStatement lists and the read routes serve).
import type { Resource } from '@medplum/fhirtypes';
import { exportAdverseEvents } from './adverse-event.js';
import { exportAllergies } from './allergy-intolerance.js';
import { exportConditions } from './condition.js';
import { exportConsents } from './consent.js';
import { exportConsentDocuments } from './document-reference.js';
import { exportEncounters } from './encounter.js';
import { exportAdministrations } from './medication-administration.js';
import { exportMedicines } from './medication-statement.js';
import { exportObservations } from './observation.js';
import { exportPatient } from './patient.js';
import type { ExportContext, PatientRecord } from './patient-record.js';
import { exportPractitioners, practitionersOf } from './practitioner.js';
import { exportProcedures } from './procedure.js';
import { exportProvenances } from './provenance.js';

export const EXPORTED_TYPES = [
  'Patient',
  'Condition',
  'AllergyIntolerance',
  'MedicationStatement',
  'Observation',
  'Encounter',
  'Procedure',
  'MedicationAdministration',
  'Consent',
  'DocumentReference',
  'AdverseEvent',
  'Provenance',
  'Practitioner',
] as const;
export type ExportedType = (typeof EXPORTED_TYPES)[number];

export function isExportedType(type: string): type is ExportedType {
  return (EXPORTED_TYPES as readonly string[]).includes(type);
}

export function patientResources(record: PatientRecord, context: ExportContext): Resource[] {
  const resources: Resource[] = [
    exportPatient(record),
    ...exportConditions(record),
    ...exportAllergies(record),
    ...exportMedicines(record),
    ...exportObservations(record),
    ...exportEncounters(record),
    ...exportProcedures(record),
    ...exportAdministrations(record),
    ...exportConsents(record),
    ...exportConsentDocuments(record, context),
    ...exportAdverseEvents(record),
    ...exportProvenances(record),
  ];
  return [...resources, ...exportPractitioners(record.people, practitionersOf(record))];
}
