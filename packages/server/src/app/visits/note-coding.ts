// The coding of a procedure note (issue 4 item 3 "Sign: the CPT code with its reason (muscles
// counted), ICD-10-CM links and steroid HCPCS units"): the core's codeProcedure on what the note
// records as given at each site (the plan's sites and products while nothing is recorded yet),
// with the visit's indication first and the patient's other active diagnoses after. Audited as
// note.coding.read.
import { codeProcedure, type ProcedureCoding } from '@knotwork/core';
import { auditAs, type Actor, type UseCaseFailure } from '../actor.js';
import type { ClinicRepositories } from '../ports.js';
import { activeDiagnoses } from './chart-facts.js';

type Repos = Pick<ClinicRepositories, 'notes' | 'baselines' | 'charts' | 'audit'>;

export async function codeNote(
  input: { readonly noteId: string; readonly actor: Actor; readonly at: number },
  repos: Repos,
): Promise<
  { readonly ok: true; readonly coding: ProcedureCoding; readonly basis: 'recorded' | 'planned' } | UseCaseFailure
> {
  const note = await repos.notes.get(input.noteId);
  const chart = note ? await repos.charts.loadChart(note.patientId) : undefined;
  await repos.audit.record(
    auditAs(input.actor, input.at, {
      action: 'note.coding.read',
      entity: `Procedure/${input.noteId}`,
      patientId: note?.patientId ?? null,
      outcome: note && chart ? 'success' : 'failed',
      ...(note && chart ? {} : { detail: { reason: 'not-found' } }),
    }),
  );
  if (!note || !chart) return { ok: false, code: 'not-found', detail: `no note ${input.noteId} in this clinic` };
  const recorded = note.content.sites.some((s) => s.administrations.length > 0);
  const sites = recorded ? note.content.sites : note.content.plan.sites;
  const drugs = recorded
    ? note.content.sites.flatMap((s) =>
        s.administrations.map((a) => ({ injectate: a.injectate, volumeMl: a.volumeMl })),
      )
    : note.content.plan.products;
  const baseline = await repos.baselines.ofVisit(note.visitId);
  const others = activeDiagnoses(chart);
  const diagnoses = baseline
    ? [
        baseline.indication.icd10,
        ...others.filter((c) => c.replace('.', '') !== baseline.indication.icd10.replace('.', '')),
      ]
    : others;
  const coding = codeProcedure({
    sites: sites.map((s) => ({ muscle: s.muscle, side: s.side })),
    drugs,
    diagnoses,
  });
  return { ok: true, coding, basis: recorded ? 'recorded' : 'planned' };
}
