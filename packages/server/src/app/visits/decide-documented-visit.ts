// A whole documented visit decided in memory (issue 3 item 8): given the patient's chart and the
// clinic's policy, every step the step-by-step use cases take (start the visit, record the
// observations, save the plan, screen it, override critical cards by finding, record the consent,
// start the note, record the procedure, sign) is decided here without I/O, with the same pure
// pieces they use, in the same order: the first step that fails is returned with its step named
// and its field paths under the body's part. Otherwise the result is every row those steps would
// have written and their audit events (documentation-ports.ts), written at once by the caller.
import {
  firstDraft,
  screen,
  sign,
  type CdsCard,
  type ScreeningPolicy,
  type ScreenTrace,
  type Verdict,
} from '@knotwork/core';
import type { AuditEvent } from '../../audit-event.js';
import { buildScreeningRequest } from '../../fhir/build-screening-request.js';
import type { Chart, ChartObservation } from '../../fhir/chart.js';
import { auditAs, type Actor, type UseCaseFailure } from '../actor.js';
import type { Visit } from '../ports.js';
import { datedInFuture } from '../records/record-checks.js';
import type { RecordInput, StoredEntry } from '../records/record-ports.js';
import { checkConsentSignature, formOfPlan, type ConsentSignature } from './consents.js';
import type { DocumentedVisitRows } from './documentation-ports.js';
import { administrationsOf, editedContent, firstDraftContent, signingBlockersOf } from './note-decisions.js';
import type { NoteChange, StoredNote } from './note-ports.js';
import { checkOverride, unresolvedCriticalCards } from './override-card.js';
import type { PlanContent, StoredPlan } from './plan-ports.js';
import type { StoredComplication, StoredConsent } from './procedure-ports.js';
import type { ScreenOverride, StoredScreen } from './visit-ports.js';

export interface VisitDocumentation {
  readonly patientId: string;
  readonly plan: PlanContent;
  /** Overrides of critical cards, by the card's finding code (the card ids are not known beforehand). */
  readonly overrides: readonly { readonly finding: string; readonly reasonCode: string; readonly comment?: string }[];
  readonly observations: readonly RecordInput<'observation'>[];
  readonly consent: ConsentSignature;
  readonly note: NoteChange;
}

export interface DocumentedVisit {
  readonly ok: true;
  readonly visitId: string;
  readonly screen: {
    readonly screenId: string;
    readonly verdict: Verdict;
    readonly cards: readonly CdsCard[];
    readonly trace: ScreenTrace;
    readonly policyVersion: string;
  };
  readonly note: StoredNote;
}

/** A step's failure, its detail prefixed with the step and its field paths with the body's part. */
export function atStep(step: string, part: string, failure: UseCaseFailure): UseCaseFailure {
  return {
    ...failure,
    detail: `${step}: ${failure.detail}`,
    ...(failure.issues
      ? { issues: failure.issues.map((i) => ({ ...i, path: i.path === '' ? part : `${part}.${i.path}` })) }
      : {}),
  };
}

export interface DocumentedVisitFacts {
  /** The patient's chart in the clinic; undefined when the clinic has no such patient. */
  readonly chart: Chart | undefined;
  readonly policy: ScreeningPolicy;
  readonly documentation: VisitDocumentation;
  readonly actor: Actor;
  /** Real time (epoch ms): the visit's start, the records' time, the consent, the signature, the audit rows. */
  readonly at: number;
  /** The clinical clock: the screen's as-of and the overrides' time (as screenVisit and overrideCard take it). */
  readonly asOf: number;
  readonly newId: () => string;
}

export type DocumentedVisitDecision =
  { readonly ok: true; readonly rows: DocumentedVisitRows; readonly result: DocumentedVisit } | UseCaseFailure;

/** Sorts as the chart reads observations back: newest first, then by id. */
const observationOrder = (a: ChartObservation, b: ChartObservation) =>
  a.at === b.at ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.at > b.at ? -1 : 1;

/** The observation as the store reads it back: its time as an ISO instant, an absent display left out. */
function storedObservation(id: string, o: RecordInput<'observation'>): StoredEntry<'observation'> {
  const v = o.value;
  const value: ChartObservation['value'] =
    'quantity' in v
      ? { quantity: v.quantity, unit: v.unit }
      : { system: v.system, code: v.code, ...(v.display === undefined ? {} : { display: v.display }) };
  return {
    id,
    loinc: o.loinc,
    ...(o.display === undefined ? {} : { display: o.display }),
    value,
    at: new Date(o.at).toISOString(),
    status: o.status,
    revision: 1,
  };
}

export function decideDocumentedVisit(facts: DocumentedVisitFacts): DocumentedVisitDecision {
  const { chart, policy, documentation: input, actor, at, asOf, newId } = facts;
  const { patientId } = input;
  const audit: AuditEvent[] = [];
  const record = (event: Parameters<typeof auditAs>[2]) => audit.push(auditAs(actor, at, event));

  // Starting the visit.
  if (!chart) {
    return atStep('starting the visit', '', {
      ok: false,
      code: 'not-found',
      detail: `no patient ${patientId} in this clinic`,
    });
  }
  const visitId = newId();
  const visit: Visit = {
    id: visitId,
    patientId,
    startedAt: at,
    startedBy: actor.userId,
    status: 'in-progress',
    endedAt: null,
    endReason: null,
    revision: 1,
  };
  const encounter = `Encounter/${visitId}`;
  record({ action: 'visit.create', entity: encounter, patientId, outcome: 'success' });

  // Recording the observations: the screen sees them.
  const observations: StoredEntry<'observation'>[] = [];
  for (const [i, observation] of input.observations.entries()) {
    const future = datedInFuture('observation', observation, at);
    if (future) return atStep('recording an observation', `observations[${i}]`, future);
    const stored = storedObservation(newId(), observation);
    observations.push(stored);
    record({
      action: 'observation.create',
      entity: `Observation/${stored.id}`,
      patientId,
      outcome: 'success',
      detail: { revision: 1 },
    });
  }
  const charted: Chart =
    observations.length === 0
      ? chart
      : { ...chart, observations: [...chart.observations, ...observations].sort(observationOrder) };

  // Saving the plan (the visit is new: it has none).
  const planId = newId();
  const content: PlanContent = {
    sites: input.plan.sites.map((s) => ({
      muscle: s.muscle,
      side: s.side,
      findings: {
        tautBand: s.findings.tautBand,
        localTwitch: s.findings.localTwitch,
        referredPain: s.findings.referredPain,
        jumpSign: s.findings.jumpSign,
      },
    })),
    products: input.plan.products.map((p) => ({ injectate: p.injectate, volumeMl: p.volumeMl })),
  };
  record({
    action: 'plan.save',
    entity: encounter,
    patientId,
    outcome: 'success',
    detail: { revision: 1, sites: content.sites.length, products: content.products.length },
  });

  // Screening the plan under the clinic policy (as screenVisit does).
  const screenId = newId();
  const request = buildScreeningRequest({
    chart: charted,
    sites: content.sites.map(({ muscle, side }) => ({ muscle, side })),
    products: content.products,
    userId: `Practitioner/${actor.userId}`,
    hookInstance: screenId,
  });
  const screened = screen(request, { asOf, policy });
  if (!screened.ok) {
    const { message, path } = screened.problem;
    return atStep('screening the plan', 'plan', {
      ok: false,
      code: 'validation-failed',
      detail: `the plan cannot be screened: ${message}`,
      issues: [{ path: '', message: `${path ?? '$'}: ${message}`, code: 'unusable-plan' }],
    });
  }
  const { cards } = screened.response;
  const storedScreen: StoredScreen = {
    id: screenId,
    visitId,
    patientId,
    request,
    cards,
    verdict: screened.verdict,
    trace: screened.trace,
    policyVersion: policy.version,
    asOf,
    screenedBy: actor.userId,
  };
  const asUser = { clinicId: actor.clinicId, actor: actor.userId, actorKind: 'user', from: actor.from } as const;
  audit.push({
    ...asUser,
    action: 'visit.screen',
    entity: encounter,
    patientId,
    at: asOf,
    outcome: 'success',
    detail: {
      screenId,
      verdict: screened.verdict,
      policyVersion: policy.version,
      findings: cards.map((c) => c.source.topic.code),
    },
  });
  // The plan's screen: its sites and products are the plan's.
  const plan: StoredPlan = { id: planId, visitId, patientId, revision: 1, screenId, ...content };

  // Overriding the critical cards named by finding.
  const overrides: ScreenOverride[] = [];
  for (const uuid of unresolvedCriticalCards(cards, [])) {
    const card = cards.find((c) => c.uuid === uuid);
    if (!card) continue;
    const finding = card.source.topic.code;
    const override = input.overrides.find((o) => o.finding === finding);
    if (!override) continue; // signing names the card that is still open
    const checked = checkOverride(card, override);
    if (!checked.ok) {
      return atStep(`overriding ${finding}`, 'overrides', { ok: false, code: checked.code, detail: checked.detail });
    }
    const made: ScreenOverride = {
      id: newId(),
      screenId,
      cardUuid: card.uuid,
      finding,
      reasonCode: override.reasonCode,
      comment: checked.comment,
      userId: actor.userId,
      at: asOf,
    };
    overrides.push(made);
    audit.push({
      ...asUser,
      action: 'screen.override',
      entity: `Screen/${screenId}`,
      patientId,
      at: made.at,
      outcome: 'success',
      detail: { card: card.uuid, finding, reason: made.reasonCode },
    });
  }

  // Recording the consent to the form shown.
  const form = formOfPlan(plan);
  if (!form.ok) return atStep('recording the consent', 'consent', form);
  const refused = checkConsentSignature(form.form, input.consent);
  if (refused) return atStep('recording the consent', 'consent', refused);
  const s = input.consent;
  const consent: StoredConsent = {
    id: newId(),
    signerKind: s.signerKind,
    signerName: s.signerName,
    signerRelationship: s.signerRelationship,
    signatureKind: s.signatureKind,
    signatureData: s.signatureData,
    visitId,
    patientId,
    form: form.form,
    planRevision: plan.revision,
    signedAt: at,
    witnessedBy: actor.userId,
  };
  record({ action: 'consent.create', entity: encounter, patientId, outcome: 'success' });

  // Starting the note, recording what was done, signing.
  const noteId = newId();
  const procedure = `Procedure/${noteId}`;
  record({ action: 'note.create', entity: procedure, patientId, outcome: 'success', detail: { version: 1 } });
  const edited = editedContent(firstDraftContent(plan), input.note, plan, at);
  if (!edited.ok) {
    return atStep('recording the procedure', 'note', {
      ok: false,
      code: 'validation-failed',
      detail: edited.issues.map((i) => i.message).join('; '),
      issues: edited.issues,
    });
  }
  record({ action: 'note.edit', entity: procedure, patientId, outcome: 'success', detail: { version: 1 } });
  const blockers = signingBlockersOf({
    plan,
    screen: storedScreen,
    overrides,
    content: edited.content,
    consents: [consent],
    at,
  });
  const signed = sign(firstDraft(), { by: actor.userId, at, blockers: blockers.map((b) => b.message) });
  if (!signed.ok) {
    const failure: UseCaseFailure =
      signed.code === 'signing-blocked'
        ? { ok: false, code: 'signing-blocked', detail: signed.detail, blockers }
        : { ok: false, code: 'note-locked', detail: signed.detail };
    return atStep('signing the note', 'note', failure);
  }
  record({ action: 'note.sign', entity: procedure, patientId, outcome: 'success', detail: { version: 1 } });
  const note: StoredNote = {
    id: noteId,
    visitId,
    patientId,
    version: 1,
    status: 'signed',
    content: edited.content,
    // Created (1), edited (2), signed (3), as the step-by-step writes leave it.
    revision: 3,
    createdBy: actor.userId,
    signedBy: actor.userId,
    signedAt: at,
    amendmentReason: null,
    previousVersionId: null,
  };
  const by = { visitId, patientId, noteId };
  const administrations = administrationsOf(note.content).map((a) => ({
    ...a,
    ...by,
    id: newId(),
    administeredAt: at,
    administeredBy: actor.userId,
  }));
  const complications = note.content.complications.map((c): StoredComplication => ({
    ...c,
    ...by,
    id: newId(),
    status: 'active',
    reportedBy: 'clinician',
    recordedAt: at,
    recordedBy: actor.userId,
    revision: 1,
  }));

  return {
    ok: true,
    rows: {
      visit,
      observations,
      recordedAt: at,
      plan,
      screen: storedScreen,
      overrides,
      consent,
      note,
      administrations,
      complications,
      audit,
    },
    result: {
      ok: true,
      visitId,
      screen: { screenId, verdict: screened.verdict, cards, trace: screened.trace, policyVersion: policy.version },
      note,
    },
  };
}
