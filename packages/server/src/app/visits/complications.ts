// Complications of a visit (issue 3 item 2): recorded by a clinician or nurse with a reference
// type (REFERENCE.md 5.1), severity, onset and the action taken; those recorded in the note come
// with its signature (procedure-note.ts). Never deleted: a wrong entry is marked entered-in-error
// under its revision. Audited as complication.read, complication.create and complication.change.
import { isComplicationType } from '@knotwork/core';
import { auditAs, type Actor, type UseCaseFailure } from '../actor.js';
import type { ClinicRepositories } from '../ports.js';
import type { NewComplication, StoredComplication } from './procedure-ports.js';

type Repos = Pick<ClinicRepositories, 'visits' | 'procedures' | 'audit'>;
interface Who {
  readonly actor: Actor;
  readonly at: number;
}
type Result<T> = Promise<({ readonly ok: true } & T) | UseCaseFailure>;

async function audited<T extends object>(
  repos: Repos,
  who: Who,
  event: { action: string; entity: string; patientId: string | null },
  result: ({ ok: true } & T) | UseCaseFailure,
) {
  await repos.audit.record(
    auditAs(who.actor, who.at, {
      ...event,
      outcome: result.ok ? 'success' : 'failed',
      ...(result.ok ? {} : { detail: { reason: result.code } }),
    }),
  );
  return result;
}

/** As sent: the type is checked against the reference here. */
export type ComplicationInput = Pick<NewComplication, 'severity' | 'onset' | 'action' | 'note'> & {
  readonly type: string;
};

export async function addComplication(
  input: { readonly visitId: string; readonly complication: ComplicationInput } & Who,
  repos: Repos,
): Result<{ complication: StoredComplication }> {
  const entity = `Encounter/${input.visitId}`;
  const visit = await repos.visits.get(input.visitId);
  const event = { action: 'complication.create', entity, patientId: visit?.patientId ?? null };
  if (!visit)
    return audited(repos, input, event, {
      ok: false,
      code: 'not-found',
      detail: `no visit ${input.visitId} in this clinic`,
    });
  const { type, onset } = input.complication;
  const issues: { path: string; message: string }[] = [];
  const known = isComplicationType(type) ? type : undefined;
  if (!known) issues.push({ path: 'type', message: `"${type}" is not a complication type of the reference` });
  if (Date.parse(onset) < visit.startedAt)
    issues.push({ path: 'onset', message: 'the onset is before the visit started' });
  if (Date.parse(onset) > input.at) issues.push({ path: 'onset', message: 'the onset is in the future' });
  if (!known || issues.length > 0) {
    return audited(repos, input, event, {
      ok: false,
      code: 'validation-failed',
      detail: issues.map((i) => i.message).join('; '),
      issues,
    });
  }
  const complication = await repos.procedures.addComplication({
    ...input.complication,
    type: known,
    visitId: input.visitId,
    patientId: visit.patientId,
    reportedBy: 'clinician',
    by: input.actor.userId,
    at: input.at,
  });
  return audited(repos, input, { ...event, entity: `AdverseEvent/${complication.id}` }, { ok: true, complication });
}

export async function listComplications(
  input: { readonly visitId: string } & Who,
  repos: Repos,
): Result<{ complications: readonly StoredComplication[] }> {
  const visit = await repos.visits.get(input.visitId);
  const event = {
    action: 'complication.read',
    entity: `Encounter/${input.visitId}`,
    patientId: visit?.patientId ?? null,
  };
  if (!visit)
    return audited(repos, input, event, {
      ok: false,
      code: 'not-found',
      detail: `no visit ${input.visitId} in this clinic`,
    });
  return audited(repos, input, event, {
    ok: true,
    complications: await repos.procedures.complicationsOf(input.visitId),
  });
}

export async function markComplicationEnteredInError(
  input: { readonly complicationId: string; readonly ifRevisions: readonly number[] } & Who,
  repos: Repos,
): Result<{ complication: StoredComplication }> {
  const entity = `AdverseEvent/${input.complicationId}`;
  const current = await repos.procedures.getComplication(input.complicationId);
  const event = { action: 'complication.change', entity, patientId: current?.patientId ?? null };
  if (!current) {
    return audited(repos, input, event, {
      ok: false,
      code: 'not-found',
      detail: `no complication ${input.complicationId} in this clinic`,
    });
  }
  const stale: UseCaseFailure = {
    ok: false,
    code: 'precondition-failed',
    detail: 'the complication changed since you read it',
  };
  if (!input.ifRevisions.includes(current.revision)) return audited(repos, input, event, stale);
  const saved = await repos.procedures.markComplicationEnteredInError(current.id, current.revision);
  return audited(repos, input, event, saved === 'stale' ? stale : { ok: true, complication: saved });
}
