// Registering a patient in the caller's clinic, audited as `patient.create` with the new id.
import { auditAs, type Actor } from '../actor.js';
import type { ClinicRepositories, NewPatient, PatientSummary } from '../ports.js';

export async function createPatient(
  input: { readonly patient: NewPatient; readonly actor: Actor; readonly at: number },
  repos: Pick<ClinicRepositories, 'patients' | 'audit'>,
): Promise<PatientSummary> {
  const created = await repos.patients.create(input.patient);
  await repos.audit.record(
    auditAs(input.actor, input.at, {
      action: 'patient.create',
      entity: `Patient/${created.id}`,
      patientId: created.id,
      outcome: 'success',
      detail: { revision: created.revision },
    }),
  );
  return created;
}
