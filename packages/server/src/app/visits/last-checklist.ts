// The local anaesthetic systemic toxicity (LAST) checklist for a visit's patient, with the lipid
// emulsion doses for the latest recorded weight (issue 4 item 3: "one tap away throughout").
// The arithmetic is the core's (lastChecklist); this reads the weight from the chart and audits the
// read as last-checklist.read.
import { lastChecklist, type LastChecklist } from '@knotwork/core';
import { auditAs, type Actor, type UseCaseFailure } from '../actor.js';
import type { ClinicRepositories } from '../ports.js';
import { latestWeight } from './chart-facts.js';

type Repos = Pick<ClinicRepositories, 'visits' | 'charts' | 'audit'>;

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
  const weight = latestWeight(chart, input.at);
  return { ok: true, checklist: lastChecklist(weight?.kg ?? null), weightAt: weight?.at ?? null };
}
