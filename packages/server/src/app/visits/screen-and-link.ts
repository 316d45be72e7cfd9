// Screening a visit's planned sites and products (given, or the saved plan's), and recording the
// screen as the plan revision's when it screens exactly the saved plan: signing needs that screen.
// A visit without a saved plan, asked to screen it, is refused (audited as visit.screen).
import { auditAs, type Actor, type UseCaseFailure } from '../actor.js';
import type { ClinicRepositories } from '../ports.js';
import type { PlannedProductInput, PlannedSiteInput } from '../../fhir/chart.js';
import { linkPlanScreen } from './plan-visit.js';
import { screenStoredVisit } from './screen-stored-visit.js';
import type { ScreenVisitDeps } from './screen-visit.js';

type Repos = Pick<ClinicRepositories, 'visits' | 'plans' | 'charts' | 'policies' | 'screens' | 'audit' | 'baselines'>;

export async function screenAndLink(
  input: {
    readonly visitId: string;
    /** The sites and products to screen; 'saved-plan' screens the visit's saved plan. */
    readonly planned:
      { readonly sites: readonly PlannedSiteInput[]; readonly products: readonly PlannedProductInput[] } | 'saved-plan';
    readonly actor: Actor;
    readonly at: number;
  },
  repos: Repos,
  deps: Pick<ScreenVisitDeps, 'clock' | 'newId'>,
) {
  const { visitId, actor, at } = input;
  let planned = input.planned;
  if (planned === 'saved-plan') {
    const plan = await repos.plans.ofVisit(visitId);
    if (!plan) {
      const visit = await repos.visits.get(visitId);
      const failure: UseCaseFailure = visit
        ? { ok: false, code: 'conflict', detail: `visit ${visitId} has no plan: save the plan first` }
        : { ok: false, code: 'not-found', detail: `no visit ${visitId} in this clinic` };
      await repos.audit.record(
        auditAs(actor, at, {
          action: 'visit.screen',
          entity: `Encounter/${visitId}`,
          patientId: visit?.patientId ?? null,
          outcome: 'failed',
          detail: { reason: failure.code },
        }),
      );
      return failure;
    }
    planned = { sites: plan.sites.map(({ muscle, side }) => ({ muscle, side })), products: plan.products };
  }
  const outcome = await screenStoredVisit({ visitId, ...planned, actor, at }, repos, {
    charts: repos.charts,
    policies: repos.policies,
    screens: repos.screens,
    audit: repos.audit,
    ...deps,
  });
  if (outcome.ok) await linkPlanScreen(repos, visitId, planned, outcome.screenId);
  return outcome;
}
