// DocumentReference: the PDF of each signed consent, as the server prints it at
// GET /api/visits/{visit}/consents/{consent}/pdf (http/api/pdf-routes.ts): the Bundle points at
// it rather than carrying it, so the export stays small and the print stays audited.
import type { DocumentReference } from '@medplum/fhirtypes';
import { coding, SYSTEMS } from '../fhir-systems.js';
import { iso, type ExportContext, type PatientRecord } from './patient-record.js';

export function exportConsentDocuments(record: PatientRecord, context: ExportContext): DocumentReference[] {
  const subject = { reference: `Patient/${record.chart.patient.id}` };
  return record.visits.flatMap((v) =>
    v.consents.map((c): DocumentReference => ({
      resourceType: 'DocumentReference',
      id: c.id,
      status: 'current',
      docStatus: 'final',
      type: { coding: [coding(SYSTEMS.loinc, '59284-0')] },
      subject,
      date: iso(c.signedAt),
      authenticator: { reference: `Practitioner/${c.witnessedBy}` },
      description: `Consent to ${c.form.procedure}, signed by ${c.signerName} (form ${c.form.version})`,
      content: [
        {
          attachment: {
            contentType: 'application/pdf',
            url: `${context.publicBaseUrl}/api/visits/${v.visit.id}/consents/${c.id}/pdf`,
            title: `consent-${c.id}.pdf`,
            creation: iso(c.signedAt),
          },
        },
      ],
      context: { encounter: [{ reference: `Encounter/${v.visit.id}` }], related: [{ reference: `Consent/${c.id}` }] },
    })),
  );
}
