// Consent: each signed consent of a visit (reference.json terminology.fhir_r4_mapping "informed
// consent": scope treatment, the signed form as source [FHIR_R4]): who signed (the patient or a
// representative, by name), when, who witnessed, the form version as the policy, a permit for
// Knotwork's trigger point injection; its sourceReference is the DocumentReference of the PDF.
// Category LOINC 59284-0 as in the FHIR R4 Consent examples [FHIR_EXAMPLES].
import type { Consent } from '@medplum/fhirtypes';
import { coding, SYSTEMS } from '../fhir-systems.js';
import { EXPORT_SYSTEMS, KNOTWORK_TPI } from './export-systems.js';
import { iso, type PatientRecord } from './patient-record.js';

export function exportConsents(record: PatientRecord): Consent[] {
  const patient = { reference: `Patient/${record.chart.patient.id}` };
  return record.visits.flatMap((v) =>
    v.consents.map((c): Consent => ({
      resourceType: 'Consent',
      id: c.id,
      status: 'active',
      scope: { coding: [coding(EXPORT_SYSTEMS.consentScope, 'treatment', 'Treatment')] },
      category: [{ coding: [coding(SYSTEMS.loinc, '59284-0')] }],
      patient,
      dateTime: iso(c.signedAt),
      performer: [
        c.signerKind === 'patient'
          ? { ...patient, display: c.signerName }
          : { display: `${c.signerName}${c.signerRelationship ? ` (${c.signerRelationship})` : ''}, representative` },
      ],
      sourceReference: { reference: `DocumentReference/${c.id}` },
      policy: [{ uri: `${EXPORT_SYSTEMS.consentForm}/${c.form.version}` }],
      verification: [
        {
          verified: true,
          verifiedWith: { reference: `Practitioner/${c.witnessedBy}` },
          verificationDate: iso(c.signedAt),
        },
      ],
      provision: {
        type: 'permit',
        code: [{ coding: [KNOTWORK_TPI], text: c.form.procedure }],
        data: [{ meaning: 'related', reference: { reference: `Encounter/${v.visit.id}` } }],
      },
    })),
  );
}
