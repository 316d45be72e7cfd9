// Reading a patient's chart (conditions, allergies, medicines, observations, administrations),
// audited as `patient.chart.read` in the same transaction as the read.
import type { Chart } from '../../fhir/chart.js';
import { auditAs, type Actor, type UseCaseFailure } from '../actor.js';
import type { ClinicRepositories } from '../ports.js';

export async function readChart(
  input: { readonly patientId: string; readonly actor: Actor; readonly at: number },
  repos: Pick<ClinicRepositories, 'charts' | 'audit'>,
): Promise<{ readonly ok: true; readonly chart: Chart } | UseCaseFailure> {
  const { patientId, actor, at } = input;
  const chart = await repos.charts.loadChart(patientId);
  const action = 'patient.chart.read';
  const entity = `Patient/${patientId}`;
  if (!chart) {
    await repos.audit.record(
      auditAs(actor, at, { action, entity, patientId: null, outcome: 'failed', detail: { reason: 'not-found' } }),
    );
    return { ok: false, code: 'not-found', detail: `no patient ${patientId} in this clinic` };
  }
  const detail = {
    conditions: chart.conditions.length,
    allergies: chart.allergies.length,
    medicines: chart.medicines.length,
    observations: chart.observations.length,
    administrations: chart.administrations.length,
  };
  await repos.audit.record(auditAs(actor, at, { action, entity, patientId, outcome: 'success', detail }));
  return { ok: true, chart };
}
