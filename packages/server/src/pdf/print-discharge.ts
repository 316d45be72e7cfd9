// Printing the discharge sheet (GET /api/visits/:id/discharge/pdf): the core's dischargeSheet for
// the same sites and drugs as the sheet on screen (GET /api/visits/:id/discharge): what the note
// records as given, the plan while nothing is recorded; the patient's diabetes from the chart and
// the clinic's observation time. Audited as discharge.print.
import { catalogue, dischargeSheet, type Side } from '@knotwork/core';
import type { UseCaseFailure } from '../app/actor.js';
import type { ClinicRepositories } from '../app/ports.js';
import { hasDiabetes } from '../app/visits/chart-facts.js';
import { followUpLinksOf } from '../app/visits/discharge.js';
import type { DischargeDocument } from './discharge-pdf.js';
import { auditPrint, notFound, patientHeader, type Who } from './print-common.js';

type Repos = Pick<
  ClinicRepositories,
  'visits' | 'plans' | 'notes' | 'charts' | 'patients' | 'aftercareSettings' | 'audit' | 'followUps'
>;

const muscleName = new Map<string, string>(catalogue.muscles.map((m) => [m.code, m.display]));
const productName = new Map<string, string>(catalogue.injectates.map((i) => [i.code, i.display]));

export async function printDischarge(
  /** `linkUrl` makes a follow-up link's address from its token. */
  input: { readonly visitId: string; readonly linkUrl: (token: string) => string } & Who,
  repos: Repos,
): Promise<{ readonly ok: true; readonly document: DischargeDocument } | UseCaseFailure> {
  const entity = `Encounter/${input.visitId}`;
  const visit = await repos.visits.get(input.visitId);
  const plan = visit ? await repos.plans.ofVisit(input.visitId) : undefined;
  if (!visit || !plan) {
    const failure: UseCaseFailure = visit
      ? { ok: false, code: 'conflict', detail: `visit ${input.visitId} has no plan: nothing to discharge from yet` }
      : notFound(`no visit ${input.visitId} in this clinic`);
    await auditPrint(repos, input, 'discharge.print', entity, visit?.patientId ?? null, failure);
    return failure;
  }
  // As GET /api/visits/:id/discharge decides (app/visits/discharge.ts): the sites where the latest
  // note version records something given, and what; the plan while nothing is recorded.
  const latest = (await repos.notes.ofVisit(input.visitId)).at(-1);
  const given = latest?.content.sites.filter((s) => s.administrations.length > 0) ?? [];
  const recorded = given.length > 0;
  const sites: readonly { muscle: string; side: Side }[] = recorded ? given : plan.sites;
  const drugs = [
    ...new Set(
      recorded
        ? given.flatMap((s) => s.administrations.map((a) => a.injectate))
        : plan.products.map((p) => p.injectate),
    ),
  ];
  const chart = await repos.charts.loadChart(visit.patientId);
  const sheet = dischargeSheet({
    sites,
    drugs,
    diabetic: chart ? hasDiabetes(chart) : false,
    observationMinutes: (await repos.aftercareSettings.current()).observationMinutes,
  });
  const document: DischargeDocument = {
    patient: patientHeader(await repos.patients.get(visit.patientId), visit.patientId),
    visitId: visit.id,
    visitStartedAt: visit.startedAt,
    basis: recorded ? 'given' : 'planned',
    sites: sites.map((s) => ({ display: muscleName.get(s.muscle) ?? s.muscle, side: s.side })),
    drugs: drugs.map((code) => productName.get(code) ?? code),
    sheet,
    printedAt: input.at,
    followUps: (await followUpLinksOf(repos, input.visitId)).map(({ token, ...l }) => ({
      ...l,
      url: input.linkUrl(token),
    })),
  };
  await auditPrint(repos, input, 'discharge.print', entity, visit.patientId);
  return { ok: true, document };
}
