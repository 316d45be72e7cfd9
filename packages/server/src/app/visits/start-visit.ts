// Starting a TPI visit for a patient of the caller's clinic, at the clinical clock's "now" (so a
// demo started with --as-of screens its visits at that time), audited as `visit.create`.
import { auditAs, type Actor, type UseCaseFailure } from '../actor.js';
import type { ClinicRepositories, Visit } from '../ports.js';

export async function startVisit(
  input: {
    readonly patientId: string;
    /** The clinical "now" (epoch ms): when the visit starts. */
    readonly startedAt: number;
    readonly actor: Actor;
    readonly at: number;
  },
  repos: Pick<ClinicRepositories, 'patients' | 'visits' | 'audit'>,
): Promise<{ readonly ok: true; readonly visit: Visit } | UseCaseFailure> {
  const { patientId, actor, at } = input;
  const patient = await repos.patients.get(patientId);
  if (!patient) {
    await repos.audit.record(
      auditAs(actor, at, {
        action: 'visit.create',
        entity: `Patient/${patientId}`,
        patientId: null,
        outcome: 'failed',
        detail: { reason: 'not-found' },
      }),
    );
    return { ok: false, code: 'not-found', detail: `no patient ${patientId} in this clinic` };
  }
  const visit = await repos.visits.create({ patientId, startedAt: input.startedAt, startedBy: actor.userId });
  await repos.audit.record(
    auditAs(actor, at, { action: 'visit.create', entity: `Encounter/${visit.id}`, patientId, outcome: 'success' }),
  );
  return { ok: true, visit };
}

/** Reading one visit, audited as `visit.read`. */
export async function readVisit(
  input: { readonly visitId: string; readonly actor: Actor; readonly at: number },
  repos: Pick<ClinicRepositories, 'visits' | 'audit'>,
): Promise<{ readonly ok: true; readonly visit: Visit } | UseCaseFailure> {
  const { visitId, actor, at } = input;
  const visit = await repos.visits.get(visitId);
  const entity = `Encounter/${visitId}`;
  await repos.audit.record(
    auditAs(actor, at, {
      action: 'visit.read',
      entity,
      patientId: visit?.patientId ?? null,
      outcome: visit ? 'success' : 'failed',
      ...(visit ? {} : { detail: { reason: 'not-found' } }),
    }),
  );
  return visit ? { ok: true, visit } : { ok: false, code: 'not-found', detail: `no visit ${visitId} in this clinic` };
}
