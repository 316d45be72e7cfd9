// Printing the discharge sheet (GET /api/visits/:id/discharge/pdf): the core's dischargeSheet for
// what the visit's signed note records (its sites and what was given), or for the plan while no
// version is signed, with the patient's diabetes from the chart and the clinic's observation time.
// Audited as discharge.print.
import { catalogue, compileCatalogue, dischargeSheet, type Side } from '@knotwork/core';
import type { UseCaseFailure } from '../app/actor.js';
import type { ClinicRepositories } from '../app/ports.js';
import type { Chart } from '../fhir/chart.js';
import type { DischargeDocument } from './discharge-pdf.js';
import { auditPrint, notFound, patientHeader, type Who } from './print-common.js';

type Repos = Pick<
  ClinicRepositories,
  'visits' | 'plans' | 'notes' | 'charts' | 'patients' | 'aftercareSettings' | 'audit'
>;

const compiled = compileCatalogue();
const muscleName = new Map<string, string>(catalogue.muscles.map((m) => [m.code, m.display]));
const productName = new Map<string, string>(catalogue.injectates.map((i) => [i.code, i.display]));

/** An active condition in the catalogue's diabetes ICD-10 set (the steroid's glucose advice). */
function hasDiabetes(chart: Chart | undefined): boolean {
  return (chart?.conditions ?? []).some(
    (c) =>
      ['active', 'recurrence', 'relapse'].includes(c.clinicalStatus) &&
      c.verificationStatus !== 'entered-in-error' &&
      c.verificationStatus !== 'refuted' &&
      compiled.icd10SetsOf(c.icd10).includes('diabetes'),
  );
}

export async function printDischarge(
  input: { readonly visitId: string } & Who,
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
  const signed = (await repos.notes.ofVisit(input.visitId)).filter((n) => n.status !== 'draft').at(-1);
  const sites: readonly { muscle: string; side: Side }[] = signed ? signed.content.sites : plan.sites;
  const drugs = [
    ...new Set(
      signed
        ? signed.content.sites.flatMap((s) => s.administrations.map((a) => a.injectate))
        : plan.products.map((p) => p.injectate),
    ),
  ];
  const sheet = dischargeSheet({
    sites,
    drugs,
    diabetic: hasDiabetes(await repos.charts.loadChart(visit.patientId)),
    observationMinutes: (await repos.aftercareSettings.current()).observationMinutes,
  });
  const document: DischargeDocument = {
    patient: patientHeader(await repos.patients.get(visit.patientId), visit.patientId),
    visitId: visit.id,
    visitStartedAt: visit.startedAt,
    basis: signed ? 'given' : 'planned',
    sites: sites.map((s) => ({ display: muscleName.get(s.muscle) ?? s.muscle, side: s.side })),
    drugs: drugs.map((code) => productName.get(code) ?? code),
    sheet,
    printedAt: input.at,
  };
  await auditPrint(repos, input, 'discharge.print', entity, visit.patientId);
  return { ok: true, document };
}
