// Planning a visit: reading and saving its plan (sites with trigger-point findings, products and
// volumes), audited as `plan.read` and `plan.save`. The first save creates the plan (the caller
// said If-None-Match: *); later saves name the revision they read (If-Match).
import { auditAs, type Actor, type UseCaseFailure } from '../actor.js';
import type { ClinicRepositories } from '../ports.js';
import type { PlanContent, StoredPlan } from './plan-ports.js';
import { endedVisitConflict } from './ended-visit.js';

type Repos = Pick<ClinicRepositories, 'visits' | 'plans' | 'audit'>;
type PlanResult = Promise<{ readonly ok: true; readonly plan: StoredPlan; readonly created: boolean } | UseCaseFailure>;

export async function readPlan(
  input: { readonly visitId: string; readonly actor: Actor; readonly at: number },
  repos: Repos,
): PlanResult {
  const { visitId, actor, at } = input;
  const visit = await repos.visits.get(visitId);
  const plan = visit ? await repos.plans.ofVisit(visitId) : undefined;
  await repos.audit.record(
    auditAs(actor, at, {
      action: 'plan.read',
      entity: `Encounter/${visitId}`,
      patientId: visit?.patientId ?? null,
      outcome: plan ? 'success' : 'failed',
      ...(plan ? {} : { detail: { reason: 'not-found' } }),
    }),
  );
  if (!visit) return { ok: false, code: 'not-found', detail: `no visit ${visitId} in this clinic` };
  if (!plan) return { ok: false, code: 'not-found', detail: `visit ${visitId} has no plan yet` };
  return { ok: true, plan, created: false };
}

export async function savePlan(
  input: {
    readonly visitId: string;
    /** 'new': create only (If-None-Match: *); otherwise the revisions If-Match names. */
    readonly expect: 'new' | readonly number[];
    readonly content: PlanContent;
    readonly actor: Actor;
    readonly at: number;
  },
  repos: Repos,
): PlanResult {
  const { visitId, actor, at } = input;
  const visit = await repos.visits.get(visitId);
  const fail = async (failure: UseCaseFailure, patientId: string | null) => {
    await repos.audit.record(
      auditAs(actor, at, {
        action: 'plan.save',
        entity: `Encounter/${visitId}`,
        patientId,
        outcome: 'failed',
        detail: { reason: failure.code },
      }),
    );
    return failure;
  };
  if (!visit) return fail({ ok: false, code: 'not-found', detail: `no visit ${visitId} in this clinic` }, null);
  const ended = endedVisitConflict(visit, 'changing the plan');
  if (ended) return fail(ended, visit.patientId);
  const current = await repos.plans.ofVisit(visitId);
  let saved: StoredPlan | 'stale' | 'exists';
  if (input.expect === 'new') {
    saved = current
      ? 'exists'
      : await repos.plans.create({ ...input.content, visitId, patientId: visit.patientId, by: actor.userId });
  } else if (!current) {
    return fail(
      {
        ok: false,
        code: 'precondition-failed',
        detail: `visit ${visitId} has no plan yet: create it with If-None-Match: *`,
      },
      visit.patientId,
    );
  } else if (!input.expect.includes(current.revision)) {
    saved = 'stale';
  } else {
    saved = await repos.plans.update(current.id, current.revision, input.content);
  }
  if (saved === 'exists' || saved === 'stale') {
    const detail =
      saved === 'exists'
        ? `visit ${visitId} has a plan already (revision ${current?.revision ?? '?'}): send If-Match`
        : `the plan changed since you read it: it is at revision ${current?.revision ?? '?'}`;
    return fail({ ok: false, code: 'precondition-failed', detail }, visit.patientId);
  }
  await repos.audit.record(
    auditAs(actor, at, {
      action: 'plan.save',
      entity: `Encounter/${visitId}`,
      patientId: visit.patientId,
      outcome: 'success',
      detail: { revision: saved.revision, sites: saved.sites.length, products: saved.products.length },
    }),
  );
  return { ok: true, plan: saved, created: input.expect === 'new' };
}

/** Whether a screen's sites and products are exactly the plan's (findings aside), in order. */
export function screensPlan(
  plan: PlanContent,
  screened: {
    readonly sites: readonly { readonly muscle: string; readonly side: string }[];
    readonly products: readonly { readonly injectate: string; readonly volumeMl: number }[];
  },
): boolean {
  return (
    plan.sites.length === screened.sites.length &&
    plan.products.length === screened.products.length &&
    plan.sites.every((s, i) => s.muscle === screened.sites[i]?.muscle && s.side === screened.sites[i]?.side) &&
    plan.products.every(
      (p, i) => p.injectate === screened.products[i]?.injectate && p.volumeMl === screened.products[i]?.volumeMl,
    )
  );
}

/** After a visit is screened: when the screen is of the visit's current plan, records it as that plan's screen. */
export async function linkPlanScreen(
  repos: Pick<ClinicRepositories, 'plans'>,
  visitId: string,
  screened: Parameters<typeof screensPlan>[1],
  screenId: string,
): Promise<void> {
  const plan = await repos.plans.ofVisit(visitId);
  if (plan && screensPlan(plan, screened)) await repos.plans.markScreened(plan.id, plan.revision, screenId);
}
