// Screening a stored visit by its id: finds the visit (and so the patient) in the caller's clinic,
// refuses a visit that is no longer in progress, then runs screenVisit, which builds the CDS Hooks
// request from the chart (and the visit's recorded indication, ./visit-indication.ts), runs the
// core engine, stores the screen and audits it.
import type { PlannedProductInput, PlannedSiteInput } from '../../fhir/chart.js';
import { auditAs, type Actor, type UseCaseFailure } from '../actor.js';
import type { ClinicRepositories } from '../ports.js';
import type { BaselineStore } from './baseline-ports.js';
import { screenVisit, type ScreenVisitDeps, type ScreenVisitResult } from './screen-visit.js';

type Screened = Extract<ScreenVisitResult, { ok: true }>;

export async function screenStoredVisit(
  input: {
    readonly visitId: string;
    readonly sites: readonly PlannedSiteInput[];
    readonly products: readonly PlannedProductInput[];
    readonly actor: Actor;
    readonly at: number;
  },
  repos: Pick<ClinicRepositories, 'visits' | 'audit'> & { readonly baselines?: BaselineStore },
  deps: ScreenVisitDeps,
): Promise<Screened | UseCaseFailure> {
  const { visitId, actor, at } = input;
  const visit = await repos.visits.get(visitId);
  if (!visit || visit.status !== 'in-progress') {
    await repos.audit.record(
      auditAs(actor, at, {
        action: 'visit.screen',
        entity: `Encounter/${visitId}`,
        patientId: visit?.patientId ?? null,
        outcome: 'failed',
        detail: { reason: visit ? `visit ${visit.status}` : 'not-found' },
      }),
    );
    return visit
      ? {
          ok: false,
          code: 'conflict',
          detail: `visit ${visitId} is ${visit.status}: only a visit in progress is screened`,
        }
      : { ok: false, code: 'not-found', detail: `no visit ${visitId} in this clinic` };
  }
  const indication = (await repos.baselines?.ofVisit(visitId))?.indication;
  const result = await screenVisit(
    {
      indication,
      clinicId: actor.clinicId,
      userId: actor.userId,
      visitId,
      patientId: visit.patientId,
      sites: input.sites,
      products: input.products,
      from: actor.from,
    },
    deps,
  );
  if (result.ok) return result;
  if (result.code === 'not-found') return { ok: false, code: 'not-found', detail: result.detail };
  // The plan's codes are checked before this point, so here the engine refused the request built
  // from it; the engine's path (in that request, not in the plan) stays in the message.
  return {
    ok: false,
    code: 'validation-failed',
    detail: `the plan cannot be screened: ${result.detail}`,
    issues: [{ path: '', message: `${result.path ?? '$'}: ${result.detail}`, code: 'unusable-plan' }],
  };
}
