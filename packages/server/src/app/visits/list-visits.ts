// A patient's TPI history as visits (issue 4 item 2 "TPI history"): each visit with what its plan
// named and where its note stands (no note, draft, signed, amended; the latest version), the
// latest first. Audited as visit.read for the patient.
import { auditAs, type Actor, type UseCaseFailure } from '../actor.js';
import type { ClinicRepositories, Visit } from '../ports.js';

type Repos = Pick<ClinicRepositories, 'patients' | 'visits' | 'plans' | 'notes' | 'audit'>;

export interface VisitSummary extends Visit {
  readonly sites: readonly { readonly muscle: string; readonly side: string }[];
  readonly products: readonly { readonly injectate: string; readonly volumeMl: number }[];
  readonly note: {
    readonly id: string;
    readonly version: number;
    readonly status: 'draft' | 'signed' | 'amended';
    readonly signedAt: number | null;
  } | null;
}

export async function listVisits(
  input: { readonly patientId: string; readonly actor: Actor; readonly at: number },
  repos: Repos,
): Promise<{ readonly ok: true; readonly visits: readonly VisitSummary[] } | UseCaseFailure> {
  const patient = await repos.patients.get(input.patientId);
  await repos.audit.record(
    auditAs(input.actor, input.at, {
      action: 'visit.read',
      entity: `Patient/${input.patientId}`,
      patientId: patient ? input.patientId : null,
      outcome: patient ? 'success' : 'failed',
      ...(patient ? {} : { detail: { reason: 'not-found' } }),
    }),
  );
  if (!patient) return { ok: false, code: 'not-found', detail: `no patient ${input.patientId} in this clinic` };
  const visits = await repos.visits.ofPatient(input.patientId);
  const summaries: VisitSummary[] = [];
  for (const visit of visits) {
    const plan = await repos.plans.ofVisit(visit.id);
    const latest = (await repos.notes.ofVisit(visit.id)).at(-1);
    summaries.push({
      ...visit,
      sites: plan?.sites.map(({ muscle, side }) => ({ muscle, side })) ?? [],
      products: plan?.products ?? [],
      note: latest
        ? { id: latest.id, version: latest.version, status: latest.status, signedAt: latest.signedAt }
        : null,
    });
  }
  return { ok: true, visits: summaries };
}
