// The local anaesthetic systemic toxicity (LAST) checklist for a visit's patient, with the lipid
// emulsion doses for the latest recorded weight (issue 4 item 3: "one tap away throughout").
// The arithmetic is the core's (lastChecklist); this reads the weight from the chart and audits the
// read as last-checklist.read.
import { catalogue, lastChecklist, type LastChecklist } from '@knotwork/core';
import { auditAs, type Actor, type UseCaseFailure } from '../actor.js';
import type { ClinicRepositories } from '../ports.js';

type Repos = Pick<ClinicRepositories, 'visits' | 'charts' | 'audit'>;

const WEIGHT = catalogue.observations.bodyWeight;
const WEIGHT_LOINC = new Set<string>(WEIGHT.loinc);
const KG_PER_UNIT = new Map<string, number>(Object.entries(WEIGHT.units));

export async function readLastChecklist(
  input: { readonly visitId: string; readonly actor: Actor; readonly at: number },
  repos: Repos,
): Promise<
  { readonly ok: true; readonly checklist: LastChecklist; readonly weightAt: string | null } | UseCaseFailure
> {
  const visit = await repos.visits.get(input.visitId);
  const chart = visit ? await repos.charts.loadChart(visit.patientId) : undefined;
  await repos.audit.record(
    auditAs(input.actor, input.at, {
      action: 'last-checklist.read',
      entity: `Encounter/${input.visitId}`,
      patientId: visit?.patientId ?? null,
      outcome: chart ? 'success' : 'failed',
      ...(chart ? {} : { detail: { reason: 'not-found' } }),
    }),
  );
  if (!chart) return { ok: false, code: 'not-found', detail: `no visit ${input.visitId} in this clinic` };
  const weights = chart.observations
    .filter((o) => WEIGHT_LOINC.has(o.loinc) && o.status !== 'entered-in-error' && 'quantity' in o.value)
    .filter((o) => Date.parse(o.at) <= input.at)
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  const latest = weights[0];
  const kg = latest && 'quantity' in latest.value ? toKg(latest.value.quantity, latest.value.unit) : null;
  return { ok: true, checklist: lastChecklist(kg), weightAt: kg === null ? null : (latest?.at ?? null) };
}

function toKg(quantity: number, unit: string): number | null {
  const factor = KG_PER_UNIT.get(unit);
  return factor === undefined ? null : quantity * factor;
}
