// Provenance: each signature of a visit's procedure note (the original and every amendment), on
// the visit's Procedure: who signed and when, an author's signature (ASTM E1762 1.2.840.10065.1.12.1.1),
// CREATE for the first version and UPDATE, with the reason, for an amendment.
import type { Provenance } from '@medplum/fhirtypes';
import { coding } from '../fhir-systems.js';
import { EXPORT_SYSTEMS } from './export-systems.js';
import { iso, signedNoteOf, type PatientRecord } from './patient-record.js';

export function exportProvenances(record: PatientRecord): Provenance[] {
  return record.visits.flatMap((v) => {
    const current = signedNoteOf(v);
    if (!current) return [];
    return v.notes
      .filter((n) => (n.status === 'signed' || n.status === 'amended') && n.signedAt !== null && n.signedBy !== null)
      .map((n): Provenance => {
        const who = { reference: `Practitioner/${n.signedBy ?? ''}` };
        const when = iso(n.signedAt ?? 0);
        const amendment = n.previousVersionId !== null;
        return {
          resourceType: 'Provenance',
          id: n.id,
          target: [{ reference: `Procedure/${current.id}` }],
          recorded: when,
          activity: {
            coding: [
              coding(EXPORT_SYSTEMS.dataOperation, amendment ? 'UPDATE' : 'CREATE', amendment ? 'revise' : 'create'),
            ],
            text: amendment
              ? `Amendment (version ${n.version}): ${n.amendmentReason ?? ''}`
              : `Signed (version ${n.version})`,
          },
          ...(amendment && n.amendmentReason ? { reason: [{ text: n.amendmentReason }] } : {}),
          agent: [
            {
              type: { coding: [coding(EXPORT_SYSTEMS.provenanceParticipant, 'author', 'Author')] },
              who,
            },
          ],
          signature: [
            {
              type: [coding(EXPORT_SYSTEMS.signatureType, '1.2.840.10065.1.12.1.1', "Author's Signature")],
              when,
              who,
            },
          ],
        };
      });
  });
}
