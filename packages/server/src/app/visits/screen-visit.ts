// Screening a visit: the CDS Hooks request is built from the stored chart and the plan, the core
// engine runs under the clinic's current policy, and the screen (request, cards, verdict, trace,
// policy version) is stored and audited. The UI, the API and an EHR get the same answer.
import { screen, type CdsCard, type ScreenTrace, type Verdict } from '@knotwork/core';
import type { AuditSink } from '../../audit-event.js';
import type { Clock } from '../../clock.js';
import { buildScreeningRequest } from '../../fhir/build-screening-request.js';
import type { PlannedProductInput, PlannedSiteInput } from '../../fhir/chart.js';
import type { ChartReader, PolicyReader, ScreenStore } from './visit-ports.js';
import { withVisitIndication } from './visit-indication.js';

export interface ScreenVisitDeps {
  readonly charts: ChartReader;
  readonly policies: PolicyReader;
  readonly screens: ScreenStore;
  readonly clock: Clock;
  readonly audit: AuditSink;
  readonly newId: () => string;
}

export type ScreenVisitResult =
  | {
      readonly ok: true;
      readonly screenId: string;
      readonly cards: readonly CdsCard[];
      readonly verdict: Verdict;
      readonly trace: ScreenTrace;
      readonly policyVersion: string;
    }
  | {
      readonly ok: false;
      readonly code: 'not-found' | 'unusable-plan';
      readonly detail: string;
      readonly path?: string;
    };

export async function screenVisit(
  input: {
    readonly clinicId: string;
    readonly userId: string;
    readonly visitId: string;
    readonly patientId: string;
    readonly sites: readonly PlannedSiteInput[];
    readonly products: readonly PlannedProductInput[];
    readonly from: string | null;
    /** The visit's recorded indication (its baseline's), counted as an active diagnosis. */
    readonly indication?: { readonly icd10: string; readonly display: string } | undefined;
  },
  deps: ScreenVisitDeps,
): Promise<ScreenVisitResult> {
  const asOf = deps.clock.now();
  const chart = await deps.charts.loadChart(input.patientId);
  const audit = (outcome: 'success' | 'failed', detail: Record<string, unknown>) =>
    deps.audit.record({
      clinicId: input.clinicId,
      actor: input.userId,
      actorKind: 'user',
      action: 'visit.screen',
      entity: `Encounter/${input.visitId}`,
      patientId: input.patientId,
      at: asOf,
      from: input.from,
      outcome,
      detail,
    });
  if (!chart) {
    await audit('failed', { reason: 'patient not found' });
    return { ok: false, code: 'not-found', detail: `no patient ${input.patientId} in this clinic` };
  }
  const screenId = deps.newId();
  const request = buildScreeningRequest({
    chart: withVisitIndication(chart, input.visitId, input.indication),
    sites: input.sites,
    products: input.products,
    userId: `Practitioner/${input.userId}`,
    hookInstance: screenId,
  });
  const policy = await deps.policies.currentPolicy();
  const result = screen(request, { asOf, policy });
  if (!result.ok) {
    await audit('failed', { reason: result.problem.code });
    return { ok: false, code: 'unusable-plan', detail: result.problem.message, path: result.problem.path };
  }
  const { cards } = result.response;
  await deps.screens.save({
    id: screenId,
    visitId: input.visitId,
    patientId: input.patientId,
    request,
    cards,
    verdict: result.verdict,
    trace: result.trace,
    policyVersion: policy.version,
    asOf,
    screenedBy: input.userId,
  });
  await audit('success', {
    screenId,
    verdict: result.verdict,
    policyVersion: policy.version,
    findings: cards.map((c) => c.source.topic.code),
  });
  return { ok: true, screenId, cards, verdict: result.verdict, trace: result.trace, policyVersion: policy.version };
}
