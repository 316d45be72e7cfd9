// Printing a procedure note (GET /api/notes/:id/pdf): only a signed or amended version prints (a
// draft is 409: it is not yet the record). The document carries the version's content, the
// signer's name, for an amendment the version it amends and the reason, and the note's coding as
// the visit's screen shows it. Audited as note.print.
import type { UseCaseFailure } from '../app/actor.js';
import type { ClinicRepositories } from '../app/ports.js';
import { activeDiagnoses } from '../app/visits/chart-facts.js';
import { codeNote } from '../app/visits/note-coding.js';
import type { NoteDocument } from './note-pdf.js';
import { auditPrint, displayNameOf, notFound, patientHeader, type Who } from './print-common.js';

type Repos = Pick<ClinicRepositories, 'notes' | 'visits' | 'charts' | 'baselines' | 'patients' | 'users' | 'audit'>;

export async function printNote(
  input: { readonly noteId: string } & Who,
  repos: Repos,
): Promise<{ readonly ok: true; readonly document: NoteDocument } | UseCaseFailure> {
  const entity = `Procedure/${input.noteId}`;
  const note = await repos.notes.get(input.noteId);
  const visit = note ? await repos.visits.get(note.visitId) : undefined;
  const refuse = async (failure: UseCaseFailure) => {
    await auditPrint(repos, input, 'note.print', entity, note?.patientId ?? null, failure);
    return failure;
  };
  if (!note || !visit) return refuse(notFound(`no note ${input.noteId} in this clinic`));
  if (note.status === 'draft' || note.signedBy === null || note.signedAt === null) {
    return refuse({
      ok: false,
      code: 'conflict',
      detail: `version ${note.version} is a draft: only a signed note prints`,
    });
  }
  // The coding as the visit's screen shows it (app/visits/note-coding.ts, audited there as
  // note.coding.read): the visit's indication first, then the patient's other active diagnoses.
  const coded = await codeNote({ noteId: note.id, actor: input.actor, at: input.at }, repos);
  const chart = await repos.charts.loadChart(note.patientId);
  const baseline = await repos.baselines.ofVisit(note.visitId);
  const displays = new Map<string, string>((chart?.conditions ?? []).map((c) => [c.icd10, c.display]));
  if (baseline) displays.set(baseline.indication.icd10, baseline.indication.display);
  const codes = [
    ...new Set([...(baseline ? [baseline.indication.icd10] : []), ...(chart ? activeDiagnoses(chart) : [])]),
  ];
  const indications = codes.map((icd10) => ({ icd10, display: displays.get(icd10) ?? '' }));
  const previous = note.previousVersionId ? await repos.notes.get(note.previousVersionId) : undefined;
  const document: NoteDocument = {
    patient: patientHeader(await repos.patients.get(note.patientId), note.patientId),
    noteId: note.id,
    visitStartedAt: visit.startedAt,
    version: note.version,
    status: note.status,
    content: note.content,
    signedBy: await displayNameOf(repos, note.signedBy),
    signedAt: note.signedAt,
    amendment:
      note.previousVersionId === null
        ? null
        : { amendsVersion: previous?.version ?? note.version - 1, reason: note.amendmentReason ?? '' },
    coding: coded.ok ? coded.coding : null,
    indications,
    printedAt: input.at,
  };
  await auditPrint(repos, input, 'note.print', entity, note.patientId);
  return { ok: true, document };
}
