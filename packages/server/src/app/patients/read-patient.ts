// Reading one patient's demographics and identifiers, audited as `patient.read` (a missing patient
// is audited as a failed read: someone asked for an id this clinic does not have).
import { auditAs, type Actor, type UseCaseFailure } from '../actor.js';
import type { ClinicRepositories, PatientSummary } from '../ports.js';

export async function readPatient(
  input: { readonly patientId: string; readonly actor: Actor; readonly at: number },
  repos: Pick<ClinicRepositories, 'patients' | 'audit'>,
): Promise<{ readonly ok: true; readonly patient: PatientSummary } | UseCaseFailure> {
  const { patientId, actor, at } = input;
  const patient = await repos.patients.get(patientId);
  const entity = `Patient/${patientId}`;
  if (!patient) {
    await repos.audit.record(
      auditAs(actor, at, {
        action: 'patient.read',
        entity,
        patientId: null,
        outcome: 'failed',
        detail: { reason: 'not-found' },
      }),
    );
    return { ok: false, code: 'not-found', detail: `no patient ${patientId} in this clinic` };
  }
  await repos.audit.record(
    auditAs(actor, at, {
      action: 'patient.read',
      entity,
      patientId,
      outcome: 'success',
      detail: { revision: patient.revision },
    }),
  );
  return { ok: true, patient };
}
