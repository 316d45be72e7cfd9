// A whole documented visit in one transaction (issue 3 item 8's "visit documentation"): for a
// clinician documenting on a device that was offline, or a system client handing over a visit done
// elsewhere. Two reads (the patient's chart and the clinic policy, sent together), the whole visit
// decided in memory by the same pure pieces the step-by-step use cases use
// (decide-documented-visit.ts), and one write of every row and audit event
// (repos.visitDocumentation). What it leaves is what the step-by-step composition leaves
// (document-visit-in-steps.ts; the repository contract compares them). A failure names its step
// and writes nothing; the caller throws it inside the transaction, so the refusal alone is audited.
import type { Actor, UseCaseFailure } from '../actor.js';
import type { ClinicRepositories } from '../ports.js';
import { decideDocumentedVisit, type DocumentedVisit, type VisitDocumentation } from './decide-documented-visit.js';
import type { ScreenVisitDeps } from './screen-visit.js';
import { scheduleFollowUps } from '../follow-ups/schedule-follow-ups.js';

export type { DocumentedVisit, VisitDocumentation } from './decide-documented-visit.js';

export async function documentVisit(
  input: VisitDocumentation & { readonly actor: Actor; readonly at: number },
  repos: Pick<ClinicRepositories, 'charts' | 'policies' | 'visitDocumentation' | 'followUps' | 'aftercareSettings'>,
  deps: Pick<ScreenVisitDeps, 'clock' | 'newId'>,
): Promise<DocumentedVisit | UseCaseFailure> {
  const { actor, at, ...documentation } = input;
  // Both reads leave before either answer is awaited: one round trip on PostgreSQL.
  const [chart, policy] = await Promise.all([repos.charts.loadChart(input.patientId), repos.policies.currentPolicy()]);
  const decided = decideDocumentedVisit({
    chart,
    policy,
    documentation,
    actor,
    at,
    asOf: deps.clock.now(),
    newId: deps.newId,
  });
  if (!decided.ok) return decided;
  await repos.visitDocumentation.write(decided.rows);
  // The signed note's follow-up links, from the clinic's schedule, in the same transaction (one more
  // statement after the visit's one).
  await scheduleFollowUps(repos, decided.rows.note);
  return decided.result;
}
