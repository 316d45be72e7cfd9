// A whole documented visit composed of the step-by-step use cases, called one after the other as
// the routes call them: start the visit, record the observations (the screen sees them), save the
// plan, screen it under the clinic policy, override the critical cards named by finding, record the
// consent to the form shown, start the note, record what was done, sign; each step audits as it
// does alone and the first that fails stops the rest. This is the reference the fast path
// (document-visit.ts: decided in memory, written at once) must equal; the repository contract
// compares what the two leave.
import type { Actor, UseCaseFailure } from '../actor.js';
import { atStep, type DocumentedVisit, type VisitDocumentation } from './decide-documented-visit.js';
import type { ClinicRepositories } from '../ports.js';
import { addRecord } from '../records/add-record.js';
import { recordConsent } from './consents.js';
import { overrideCard, unresolvedCriticalCards } from './override-card.js';
import { linkPlanScreen, savePlan } from './plan-visit.js';
import { createNote, editNote, signNote } from './procedure-note.js';
import { screenStoredVisit } from './screen-stored-visit.js';
import type { ScreenVisitDeps } from './screen-visit.js';
import { startVisit } from './start-visit.js';

export async function documentVisitInSteps(
  input: VisitDocumentation & { readonly actor: Actor; readonly at: number },
  repos: ClinicRepositories,
  deps: Pick<ScreenVisitDeps, 'clock' | 'newId'>,
): Promise<DocumentedVisit | UseCaseFailure> {
  const { actor, at } = input;
  const who = { actor, at };
  const started = await startVisit({ patientId: input.patientId, startedAt: at, actor, at }, repos);
  if (!started.ok) return atStep('starting the visit', '', started);
  const visitId = started.visit.id;

  for (const [i, observation] of input.observations.entries()) {
    const added = await addRecord(
      { kind: 'observation', patientId: input.patientId, entry: observation, recordedAt: at, actor, at },
      repos,
    );
    if (!added.ok) return atStep('recording an observation', `observations[${i}]`, added);
  }

  const planned = await savePlan({ visitId, expect: 'new', content: input.plan, actor, at }, repos);
  if (!planned.ok) return atStep('saving the plan', 'plan', planned);
  const screenInput = {
    sites: input.plan.sites.map(({ muscle, side }) => ({ muscle, side })),
    products: input.plan.products,
  };
  const screen = await screenStoredVisit({ visitId, ...screenInput, actor, at }, repos, {
    charts: repos.charts,
    policies: repos.policies,
    screens: repos.screens,
    audit: repos.audit,
    ...deps,
  });
  if (!screen.ok) return atStep('screening the plan', 'plan', screen);
  await linkPlanScreen(repos, visitId, screenInput, screen.screenId);

  for (const uuid of unresolvedCriticalCards(screen.cards, [])) {
    const card = screen.cards.find((c) => c.uuid === uuid);
    const finding = card?.source.topic.code ?? '';
    const override = input.overrides.find((o) => o.finding === finding);
    if (!override) continue; // signing names the card that is still open
    const done = await overrideCard(
      {
        clinicId: actor.clinicId,
        userId: actor.userId,
        screenId: screen.screenId,
        cardUuid: uuid,
        ...override,
        from: actor.from,
      },
      { screens: repos.screens, clock: deps.clock, audit: repos.audit, newId: deps.newId },
    );
    if (!done.ok) {
      return atStep(`overriding ${finding}`, 'overrides', { ok: false, code: done.code, detail: done.detail });
    }
  }

  const consent = await recordConsent({ visitId, signature: input.consent, ...who }, repos);
  if (!consent.ok) return atStep('recording the consent', 'consent', consent);

  const created = await createNote({ visitId, ...who }, repos);
  if (!created.ok) return atStep('starting the note', 'note', created);
  const edited = await editNote(
    { noteId: created.note.id, ifRevisions: [created.note.revision], change: input.note, ...who },
    repos,
  );
  if (!edited.ok) return atStep('recording the procedure', 'note', edited);
  const signed = await signNote({ noteId: edited.note.id, ifRevisions: [edited.note.revision], ...who }, repos);
  if (!signed.ok) return atStep('signing the note', 'note', signed);

  const { screenId, verdict, cards, trace, policyVersion } = screen;
  return { ok: true, visitId, screen: { screenId, verdict, cards, trace, policyVersion }, note: signed.note };
}
