// The administrations of a visit (product, volume, lot, expiry per site), as its signed note wrote
// them. Audited as administration.read.
import { auditAs, type Actor, type UseCaseFailure } from '../actor.js';
import type { ClinicRepositories } from '../ports.js';
import type { StoredAdministration } from './procedure-ports.js';

export async function listAdministrations(
  input: { readonly visitId: string; readonly actor: Actor; readonly at: number },
  repos: Pick<ClinicRepositories, 'visits' | 'procedures' | 'audit'>,
): Promise<{ readonly ok: true; readonly administrations: readonly StoredAdministration[] } | UseCaseFailure> {
  const visit = await repos.visits.get(input.visitId);
  await repos.audit.record(
    auditAs(input.actor, input.at, {
      action: 'administration.read',
      entity: `Encounter/${input.visitId}`,
      patientId: visit?.patientId ?? null,
      outcome: visit ? 'success' : 'failed',
      ...(visit ? {} : { detail: { reason: 'not-found' } }),
    }),
  );
  if (!visit) return { ok: false, code: 'not-found', detail: `no visit ${input.visitId} in this clinic` };
  return { ok: true, administrations: await repos.procedures.administrationsOf(input.visitId) };
}
