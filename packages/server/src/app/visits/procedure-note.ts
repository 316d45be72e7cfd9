// The procedure note of a visit (issue 3 item 2): started from the plan as a draft (version 1),
// edited under its revision, signed by a clinician once nothing blocks it (a screen of the current
// plan, and an override for each of its critical cards), amended as a new version with a reason.
// The core decides (note-lifecycle.ts, procedure-record.ts); the store writes conditionally. What
// blocks a signature: no screen of the current plan or a critical card without an override, the
// procedure record incomplete or beyond the screened plan (signingBlockers), an expired lot, no
// consent covering the plan. A signature writes the administrations per site and the immediate
// complications in its transaction. Audited as note.create, note.edit, note.sign, note.amend and
// note.read.
import { canEdit, firstDraft, sign, startAmendment, type NoteVersion } from '@knotwork/core';
import { auditAs, type Actor, type UseCaseFailure } from '../actor.js';
import type { ClinicRepositories } from '../ports.js';
import {
  administrationsOf,
  editedContent,
  firstDraftContent,
  planSnapshot,
  signingBlockersOf,
  type SigningBlocker,
} from './note-decisions.js';
import type { NoteChange, StoredNote } from './note-ports.js';
import { endedVisitConflict } from './ended-visit.js';
import { scheduleFollowUps } from '../follow-ups/schedule-follow-ups.js';

type Repos = Pick<
  ClinicRepositories,
  'visits' | 'plans' | 'notes' | 'screens' | 'procedures' | 'audit' | 'followUps' | 'aftercareSettings'
>;
type NoteResult = Promise<{ readonly ok: true; readonly note: StoredNote } | UseCaseFailure>;
interface Who {
  readonly actor: Actor;
  readonly at: number;
}

const versionOf = (n: StoredNote, amends: number | null): NoteVersion => ({
  version: n.version,
  status: n.status,
  amends,
  amendmentReason: n.amendmentReason,
  signedBy: n.signedBy,
  signedAt: n.signedAt,
});

async function audited(
  repos: Repos,
  who: Who,
  action: string,
  entity: string,
  patientId: string | null,
  result: { ok: true; note: StoredNote } | UseCaseFailure,
  detail: Record<string, unknown> = {},
) {
  await repos.audit.record(
    auditAs(who.actor, who.at, {
      action,
      entity,
      patientId,
      outcome: result.ok ? 'success' : 'failed',
      detail: result.ok ? { version: result.note.version, ...detail } : { reason: result.code, ...detail },
    }),
  );
  return result;
}

const noteEntity = (id: string) => `Procedure/${id}`;

export async function createNote(input: { readonly visitId: string } & Who, repos: Repos): NoteResult {
  const { visitId } = input;
  const entity = `Encounter/${visitId}`;
  const visit = await repos.visits.get(visitId);
  if (!visit) {
    return audited(repos, input, 'note.create', entity, null, {
      ok: false,
      code: 'not-found',
      detail: `no visit ${visitId} in this clinic`,
    });
  }
  const ended = endedVisitConflict(visit, 'starting its note');
  if (ended) return audited(repos, input, 'note.create', entity, visit.patientId, ended);
  const plan = await repos.plans.ofVisit(visitId);
  if (!plan) {
    return audited(repos, input, 'note.create', entity, visit.patientId, {
      ok: false,
      code: 'conflict',
      detail: `visit ${visitId} has no plan: save the plan first`,
    });
  }
  const draft = firstDraft();
  const content = firstDraftContent(plan);
  const note = await repos.notes.insert({
    visitId,
    patientId: visit.patientId,
    version: draft.version,
    content,
    by: input.actor.userId,
    previousVersionId: null,
    amendmentReason: null,
  });
  if (note === 'exists') {
    return audited(repos, input, 'note.create', entity, visit.patientId, {
      ok: false,
      code: 'conflict',
      detail: `visit ${visitId} has a note already: edit its draft or amend it`,
    });
  }
  return audited(repos, input, 'note.create', noteEntity(note.id), visit.patientId, { ok: true, note });
}

export async function listNotes(
  input: { readonly visitId: string } & Who,
  repos: Repos,
): Promise<{ readonly ok: true; readonly notes: readonly StoredNote[] } | UseCaseFailure> {
  const visit = await repos.visits.get(input.visitId);
  const notes = visit ? await repos.notes.ofVisit(input.visitId) : [];
  await repos.audit.record(
    auditAs(input.actor, input.at, {
      action: 'note.read',
      entity: `Encounter/${input.visitId}`,
      patientId: visit?.patientId ?? null,
      outcome: visit ? 'success' : 'failed',
      ...(visit ? {} : { detail: { reason: 'not-found' } }),
    }),
  );
  return visit
    ? { ok: true, notes }
    : { ok: false, code: 'not-found', detail: `no visit ${input.visitId} in this clinic` };
}

/** The note and what the stored answer of a conditional write means. */
function writeFailure(note: StoredNote, result: 'stale' | 'locked'): UseCaseFailure {
  return result === 'locked'
    ? { ok: false, code: 'note-locked', detail: `version ${note.version} is signed: amend it instead` }
    : { ok: false, code: 'precondition-failed', detail: 'the note changed since you read it' };
}

export async function editNote(
  input: {
    readonly noteId: string;
    readonly ifRevisions: readonly number[];
    readonly change: NoteChange;
  } & Who,
  repos: Repos,
): NoteResult {
  const entity = noteEntity(input.noteId);
  const note = await repos.notes.get(input.noteId);
  if (!note) {
    return audited(repos, input, 'note.edit', entity, null, {
      ok: false,
      code: 'not-found',
      detail: `no note ${input.noteId} in this clinic`,
    });
  }
  const decision = canEdit(versionOf(note, null));
  const stopped = await stoppedVisitConflict(repos, note, 'editing its note');
  let result: { ok: true; note: StoredNote } | UseCaseFailure;
  if (stopped) result = stopped;
  else if (!decision.ok) result = { ok: false, code: 'note-locked', detail: decision.detail };
  else if (!input.ifRevisions.includes(note.revision)) result = writeFailure(note, 'stale');
  else {
    // Each save takes the visit's current plan as the note's plan: what is signed is what was screened.
    const plan = await repos.plans.ofVisit(note.visitId);
    const edited = editedContent(note.content, input.change, plan, input.at);
    if (!edited.ok) {
      result = {
        ok: false,
        code: 'validation-failed',
        detail: edited.issues.map((i) => i.message).join('; '),
        issues: edited.issues,
      };
    } else {
      const saved = await repos.notes.edit(note.id, note.revision, edited.content);
      result = typeof saved === 'string' ? writeFailure(note, saved) : { ok: true, note: saved };
    }
  }
  return audited(repos, input, 'note.edit', entity, note.patientId, result);
}

/**
 * A stopped visit's note is neither edited nor signed (the procedure was not done). A finished
 * visit's note was signed before it finished; its amendments are still written and signed.
 */
async function stoppedVisitConflict(repos: Repos, note: StoredNote, what: string): Promise<UseCaseFailure | undefined> {
  const visit = await repos.visits.get(note.visitId);
  return visit?.status === 'cancelled' ? endedVisitConflict(visit, what) : undefined;
}

/** What still blocks signing the visit's note. */
async function blockersOf(repos: Repos, note: StoredNote, at: number): Promise<SigningBlocker[]> {
  const plan = await repos.plans.ofVisit(note.visitId);
  if (!plan) return [{ code: 'no-plan', step: 'plan', message: 'the visit has no plan' }];
  const screen = plan.screenId === null ? undefined : await repos.screens.find(plan.screenId);
  return signingBlockersOf({
    plan,
    screen,
    overrides: screen ? await repos.screens.overridesOf(screen.id) : [],
    content: note.content,
    consents: await repos.procedures.consentsOf(note.visitId),
    at,
  });
}

/** The signed version's administrations and immediate complications, written in its transaction. */
async function writeProcedureRecord(repos: Repos, note: StoredNote, by: string, at: number): Promise<void> {
  const ref = { visitId: note.visitId, patientId: note.patientId, noteId: note.id, by, at };
  await repos.procedures.replaceAdministrations(ref, administrationsOf(note.content));
  await repos.procedures.replaceNoteComplications(ref, note.content.complications);
}

export async function signNote(
  input: { readonly noteId: string; readonly ifRevisions: readonly number[] } & Who,
  repos: Repos,
): NoteResult {
  const entity = noteEntity(input.noteId);
  const note = await repos.notes.get(input.noteId);
  if (!note) {
    return audited(repos, input, 'note.sign', entity, null, {
      ok: false,
      code: 'not-found',
      detail: `no note ${input.noteId} in this clinic`,
    });
  }
  const blockers = note.status === 'draft' ? await blockersOf(repos, note, input.at) : [];
  const amends = note.previousVersionId === null ? null : note.version - 1;
  const words = blockers.map((b) => b.message);
  const decision = sign(versionOf(note, amends), { by: input.actor.userId, at: input.at, blockers: words });
  const stopped = await stoppedVisitConflict(repos, note, 'signing its note');
  let result: { ok: true; note: StoredNote } | UseCaseFailure;
  if (stopped) result = stopped;
  else if (!decision.ok) {
    result =
      decision.code === 'signing-blocked'
        ? { ok: false, code: 'signing-blocked', detail: decision.detail, blockers }
        : { ok: false, code: 'note-locked', detail: decision.detail };
  } else if (!input.ifRevisions.includes(note.revision)) result = writeFailure(note, 'stale');
  else {
    const status = decision.value.status === 'amended' ? 'amended' : 'signed';
    const saved = await repos.notes.sign(note.id, note.revision, { status, by: input.actor.userId, at: input.at });
    if (typeof saved !== 'string') {
      await writeProcedureRecord(repos, saved, input.actor.userId, input.at);
      // The first signature schedules the follow-up links, in this transaction (amendments do not).
      await scheduleFollowUps(repos, saved);
    }
    result = typeof saved === 'string' ? writeFailure(note, saved) : { ok: true, note: saved };
  }
  return audited(repos, input, 'note.sign', entity, note.patientId, result, words.length ? { blockers: words } : {});
}

export async function amendNote(
  input: { readonly noteId: string; readonly reason: string } & Who,
  repos: Repos,
): NoteResult {
  const entity = noteEntity(input.noteId);
  const note = await repos.notes.get(input.noteId);
  if (!note) {
    return audited(repos, input, 'note.amend', entity, null, {
      ok: false,
      code: 'not-found',
      detail: `no note ${input.noteId} in this clinic`,
    });
  }
  const versions = await repos.notes.ofVisit(note.visitId);
  const newestVersion = Math.max(...versions.map((v) => v.version));
  const decision = startAmendment(versionOf(note, null), { reason: input.reason, newestVersion });
  let result: { ok: true; note: StoredNote } | UseCaseFailure;
  if (!decision.ok) {
    result =
      decision.code === 'reason-required'
        ? {
            ok: false,
            code: 'validation-failed',
            detail: decision.detail,
            issues: [{ path: 'reason', message: decision.detail }],
          }
        : { ok: false, code: 'conflict', detail: decision.detail };
  } else {
    const plan = await repos.plans.ofVisit(note.visitId);
    const saved = await repos.notes.insert({
      visitId: note.visitId,
      patientId: note.patientId,
      version: decision.value.version,
      content: { ...note.content, plan: plan ? planSnapshot(plan) : note.content.plan },
      by: input.actor.userId,
      previousVersionId: note.id,
      amendmentReason: decision.value.amendmentReason,
    });
    result =
      saved === 'exists'
        ? { ok: false, code: 'conflict', detail: `version ${decision.value.version} exists already: amend that one` }
        : { ok: true, note: saved };
  }
  const target = result.ok ? noteEntity(result.note.id) : entity;
  return audited(repos, input, 'note.amend', target, note.patientId, result, { amends: note.version });
}
