// Changing a patient's demographics and identifiers, only from the revision the caller read
// (If-Match): a stale write changes nothing and says so (412). The change and its audit row
// (`patient.update`, the fields that changed, the new revision) commit together.
import { auditAs, type Actor, type UseCaseFailure } from '../actor.js';
import type { ClinicRepositories, NewPatient, PatientSummary } from '../ports.js';

const FIELDS = ['identifiers', 'family', 'given', 'birthDate', 'sex'] as const;

export async function updatePatient(
  input: {
    readonly patientId: string;
    /** The revisions the caller's If-Match names; the write happens only if the current one is among them. */
    readonly ifRevisions: readonly number[];
    readonly change: NewPatient;
    readonly actor: Actor;
    readonly at: number;
  },
  repos: Pick<ClinicRepositories, 'patients' | 'audit'>,
): Promise<{ readonly ok: true; readonly patient: PatientSummary } | UseCaseFailure> {
  const { patientId, actor, at } = input;
  const entity = `Patient/${patientId}`;
  const refuse = async (failure: UseCaseFailure, detail: Record<string, unknown>) => {
    const known = failure.code === 'not-found' ? null : patientId;
    await repos.audit.record(
      auditAs(actor, at, { action: 'patient.update', entity, patientId: known, outcome: 'failed', detail }),
    );
    return failure;
  };
  const notFound: UseCaseFailure = { ok: false, code: 'not-found', detail: `no patient ${patientId} in this clinic` };
  const current = await repos.patients.get(patientId);
  if (!current) return refuse(notFound, { reason: 'not-found' });
  const stale = (now: string): UseCaseFailure => ({
    ok: false,
    code: 'precondition-failed',
    detail: `patient ${patientId} ${now}, not revision ${input.ifRevisions.join(' or ')}: read it again`,
  });
  if (!input.ifRevisions.includes(current.revision)) {
    return refuse(stale(`is at revision ${current.revision}`), { reason: 'stale', revision: current.revision });
  }
  const updated = await repos.patients.update(patientId, current.revision, input.change);
  if (updated === undefined) return refuse(notFound, { reason: 'not-found' });
  if (updated === 'stale') return refuse(stale('changed while this write ran'), { reason: 'stale' });
  const changed = FIELDS.filter((f) => JSON.stringify(current[f]) !== JSON.stringify(updated[f]));
  await repos.audit.record(
    auditAs(actor, at, {
      action: 'patient.update',
      entity,
      patientId,
      outcome: 'success',
      detail: { revision: updated.revision, changed },
    }),
  );
  return { ok: true, patient: updated };
}
