// Printing a procedure note (GET /api/notes/:id/pdf): only a signed or amended version prints (a
// draft is 409: it is not yet the record). The document carries the version's content, the
// signer's name, for an amendment the version it amends and the reason, and the coding the core
// computes from what was given at each site, linked to the patient's active conditions.
// Audited as note.print.
import { codeProcedure, compileCatalogue, type ProcedureCoding } from '@knotwork/core';
import type { UseCaseFailure } from '../app/actor.js';
import type { ClinicRepositories } from '../app/ports.js';
import type { StoredNote } from '../app/visits/note-ports.js';
import type { Chart } from '../fhir/chart.js';
import type { NoteDocument } from './note-pdf.js';
import { auditPrint, displayNameOf, notFound, patientHeader, type Who } from './print-common.js';

type Repos = Pick<ClinicRepositories, 'notes' | 'visits' | 'charts' | 'patients' | 'users' | 'audit'>;

const compiled = compileCatalogue();
const isActive = (c: Chart['conditions'][number]) =>
  ['active', 'recurrence', 'relapse'].includes(c.clinicalStatus) &&
  c.verificationStatus !== 'entered-in-error' &&
  c.verificationStatus !== 'refuted';

/** The active conditions, those in the catalogue's TPI indication set first. */
function indicationsOf(chart: Chart | undefined): { icd10: string; display: string }[] {
  const active = (chart?.conditions ?? []).filter(isActive);
  const indication = (code: string) => compiled.icd10SetsOf(code).includes('indication');
  return [...active.filter((c) => indication(c.icd10)), ...active.filter((c) => !indication(c.icd10))].map((c) => ({
    icd10: c.icd10,
    display: c.display,
  }));
}

/** What was given, one line per product (volumes added up), and the sites as treated. */
function codingOf(note: StoredNote, diagnoses: readonly string[]): ProcedureCoding {
  const volumes = new Map<string, number>();
  for (const a of note.content.sites.flatMap((s) => s.administrations)) {
    volumes.set(a.injectate, (volumes.get(a.injectate) ?? 0) + a.volumeMl);
  }
  return codeProcedure({
    sites: note.content.sites.map((s) => ({ muscle: s.muscle, side: s.side })),
    drugs: [...volumes].map(([injectate, volumeMl]) => ({ injectate, volumeMl })),
    diagnoses,
  });
}

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
  const chart = await repos.charts.loadChart(note.patientId);
  const indications = indicationsOf(chart);
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
    coding: codingOf(
      note,
      indications.map((c) => c.icd10),
    ),
    indications,
    printedAt: input.at,
  };
  await auditPrint(repos, input, 'note.print', entity, note.patientId);
  return { ok: true, document };
}
