// The discharge sheet of a visit (issue 4 item 3 "Discharge"): the core's dischargeSheet for what
// the note records as given (the plan while nothing is recorded), the patient's diabetes from the
// chart and the clinic's observation time. Audited as discharge.read.
import { dischargeSheet, type DischargeSheet } from '@knotwork/core';
import { auditAs, type Actor, type UseCaseFailure } from '../actor.js';
import type { ClinicRepositories } from '../ports.js';
import { hasDiabetes } from './chart-facts.js';

type Repos = Pick<
  ClinicRepositories,
  'visits' | 'plans' | 'notes' | 'charts' | 'aftercareSettings' | 'audit' | 'followUps'
>;

/** A follow-up link of the visit with its token (derived, never stored): the route makes its URL. */
export interface FollowUpLinkToken {
  readonly pointId: string;
  readonly label: string;
  readonly dueAt: number;
  readonly expiresAt: number;
  readonly asksPeg: boolean;
  readonly token: string;
}

/** The visit's follow-up links (none until its note is signed), first due first. */
export async function followUpLinksOf(
  repos: Pick<ClinicRepositories, 'followUps'>,
  visitId: string,
): Promise<readonly FollowUpLinkToken[]> {
  return (await repos.followUps.ofVisit(visitId)).map((l) => ({
    pointId: l.pointId,
    label: l.label,
    dueAt: l.dueAt,
    expiresAt: l.expiresAt,
    asksPeg: l.asksPeg,
    token: repos.followUps.tokenOf(l.id),
  }));
}

export async function readDischarge(
  input: { readonly visitId: string; readonly actor: Actor; readonly at: number },
  repos: Repos,
): Promise<
  | {
      readonly ok: true;
      readonly sheet: DischargeSheet;
      readonly basis: 'recorded' | 'planned';
      readonly followUps: readonly FollowUpLinkToken[];
    }
  | UseCaseFailure
> {
  const visit = await repos.visits.get(input.visitId);
  const chart = visit ? await repos.charts.loadChart(visit.patientId) : undefined;
  const plan = visit ? await repos.plans.ofVisit(input.visitId) : undefined;
  const failure: UseCaseFailure | undefined =
    !visit || !chart
      ? { ok: false, code: 'not-found', detail: `no visit ${input.visitId} in this clinic` }
      : !plan
        ? { ok: false, code: 'conflict', detail: `visit ${input.visitId} has no plan: nothing to discharge from yet` }
        : undefined;
  await repos.audit.record(
    auditAs(input.actor, input.at, {
      action: 'discharge.read',
      entity: `Encounter/${input.visitId}`,
      patientId: visit?.patientId ?? null,
      outcome: failure ? 'failed' : 'success',
      ...(failure ? { detail: { reason: failure.code } } : {}),
    }),
  );
  if (failure || !plan || !chart) return failure ?? { ok: false, code: 'not-found', detail: 'unreachable' };
  const latest = (await repos.notes.ofVisit(input.visitId)).at(-1);
  const given = latest?.content.sites.filter((s) => s.administrations.length > 0) ?? [];
  const recorded = given.length > 0;
  const settings = await repos.aftercareSettings.current();
  const sheet = dischargeSheet({
    sites: recorded ? given : plan.sites,
    drugs: recorded
      ? given.flatMap((s) => s.administrations.map((a) => a.injectate))
      : plan.products.map((p) => p.injectate),
    diabetic: hasDiabetes(chart),
    observationMinutes: settings.observationMinutes,
  });
  return {
    ok: true,
    sheet,
    basis: recorded ? 'recorded' : 'planned',
    followUps: await followUpLinksOf(repos, input.visitId),
  };
}
