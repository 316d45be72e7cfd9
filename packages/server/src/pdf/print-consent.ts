// Printing a signed consent (GET /api/visits/:id/consents/:consentId/pdf): the consent as stored,
// of this visit, with the patient and the witness's name. Audited as consent.print.
import type { UseCaseFailure } from '../app/actor.js';
import type { ClinicRepositories } from '../app/ports.js';
import type { ConsentDocument } from './consent-pdf.js';
import { auditPrint, displayNameOf, notFound, patientHeader, type Who } from './print-common.js';

type Repos = Pick<ClinicRepositories, 'visits' | 'procedures' | 'patients' | 'users' | 'audit'>;

export async function printConsent(
  input: { readonly visitId: string; readonly consentId: string } & Who,
  repos: Repos,
): Promise<{ readonly ok: true; readonly document: ConsentDocument } | UseCaseFailure> {
  const entity = `Consent/${input.consentId}`;
  const visit = await repos.visits.get(input.visitId);
  const consent = visit
    ? (await repos.procedures.consentsOf(input.visitId)).find((c) => c.id === input.consentId)
    : undefined;
  if (!visit || !consent) {
    const failure = notFound(
      visit ? `no consent ${input.consentId} of visit ${input.visitId}` : `no visit ${input.visitId} in this clinic`,
    );
    await auditPrint(repos, input, 'consent.print', entity, visit?.patientId ?? null, failure);
    return failure;
  }
  const document: ConsentDocument = {
    patient: patientHeader(await repos.patients.get(consent.patientId), consent.patientId),
    consentId: consent.id,
    form: consent.form,
    signerKind: consent.signerKind,
    signerName: consent.signerName,
    signerRelationship: consent.signerRelationship,
    signatureKind: consent.signatureKind,
    signatureData: consent.signatureData,
    signedAt: consent.signedAt,
    witnessedBy: await displayNameOf(repos, consent.witnessedBy),
    printedAt: input.at,
  };
  await auditPrint(repos, input, 'consent.print', entity, consent.patientId);
  return { ok: true, document };
}
