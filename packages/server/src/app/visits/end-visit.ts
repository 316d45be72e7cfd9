// Ending a visit, audited as `visit.end`: 'completed' (FHIR Encounter status finished) once the
// visit's procedure note is signed, recording the discharge time; 'stopped' (cancelled: the
// procedure not done) with the reason, e.g. a critical allergy card not overridden. The write is
// conditional on the revision the caller read (If-Match); an ended visit cannot end again.
import { auditAs, type Actor, type UseCaseFailure } from '../actor.js';
import type { ClinicRepositories, Visit } from '../ports.js';

export const END_REASON_MAX = 500;

export type VisitEnding = { readonly outcome: 'completed' } | { readonly outcome: 'stopped'; readonly reason: string };

export async function endVisit(
  input: {
    readonly visitId: string;
    /** The revisions the caller's If-Match names; the visit ends only if the current one is among them. */
    readonly ifRevisions: readonly number[];
    readonly ending: VisitEnding;
    /** The clinical "now" (epoch ms): the discharge or stop time. */
    readonly endedAt: number;
    readonly actor: Actor;
    readonly at: number;
  },
  repos: Pick<ClinicRepositories, 'visits' | 'notes' | 'audit'>,
): Promise<{ readonly ok: true; readonly visit: Visit } | UseCaseFailure> {
  const { visitId, ending, actor, at } = input;
  const entity = `Encounter/${visitId}`;
  const visit = await repos.visits.get(visitId);
  const refuse = async (failure: UseCaseFailure, detail: Record<string, unknown>) => {
    await repos.audit.record(
      auditAs(actor, at, {
        action: 'visit.end',
        entity,
        patientId: visit?.patientId ?? null,
        outcome: 'failed',
        detail: { outcome: ending.outcome, ...detail },
      }),
    );
    return failure;
  };
  if (!visit) {
    return refuse(
      { ok: false, code: 'not-found', detail: `no visit ${visitId} in this clinic` },
      { reason: 'not-found' },
    );
  }
  const reason = ending.outcome === 'stopped' ? ending.reason.trim() : null;
  if (ending.outcome === 'stopped' && (reason === null || reason === '' || reason.length > END_REASON_MAX)) {
    const message = reason ? `at most ${END_REASON_MAX} characters` : 'say why the visit is stopped';
    return refuse(
      {
        ok: false,
        code: 'validation-failed',
        detail: `a stopped visit needs a reason: ${message}`,
        issues: [{ path: 'reason', message }],
      },
      { reason: 'validation-failed' },
    );
  }
  const stale = (now: string): UseCaseFailure => ({
    ok: false,
    code: 'precondition-failed',
    detail: `visit ${visitId} ${now}, not revision ${input.ifRevisions.join(' or ')}: read it again`,
  });
  if (!input.ifRevisions.includes(visit.revision)) {
    return refuse(stale(`is at revision ${visit.revision}`), { reason: 'stale', revision: visit.revision });
  }
  if (visit.status !== 'in-progress') {
    const how = visit.status === 'finished' ? 'finished' : 'been stopped';
    return refuse(
      { ok: false, code: 'conflict', detail: `visit ${visitId} has already ${how}` },
      { reason: `visit ${visit.status}` },
    );
  }
  if (ending.outcome === 'completed') {
    const notes = await repos.notes.ofVisit(visitId);
    if (!notes.some((n) => n.status !== 'draft')) {
      const why = notes.length === 0 ? 'has no procedure note' : 'has a procedure note not yet signed';
      return refuse(
        {
          ok: false,
          code: 'conflict',
          detail: `visit ${visitId} ${why}: sign the note before finishing the visit, or stop the visit with a reason`,
        },
        { reason: 'note-unsigned' },
      );
    }
  }
  const status = ending.outcome === 'completed' ? 'finished' : 'cancelled';
  const ended = await repos.visits.end(visitId, visit.revision, { status, endedAt: input.endedAt, reason });
  if (ended === undefined) {
    return refuse(
      { ok: false, code: 'not-found', detail: `no visit ${visitId} in this clinic` },
      { reason: 'not-found' },
    );
  }
  if (ended === 'stale') return refuse(stale('changed while this write ran'), { reason: 'stale' });
  await repos.audit.record(
    auditAs(actor, at, {
      action: 'visit.end',
      entity,
      patientId: visit.patientId,
      outcome: 'success',
      // The reason is free text the visit keeps; the audit row names only what happened.
      detail: { status, revision: ended.revision },
    }),
  );
  return { ok: true, visit: ended };
}
