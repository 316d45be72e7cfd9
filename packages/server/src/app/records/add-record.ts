// Adding an entry to a patient's record: a condition, an allergy, a medicine, an observation (a
// correction is a new observation with status corrected) or an injection given elsewhere. Audited
// as `<kind>.create` with the new id and revision, in the same transaction as the write.
import type { Actor, UseCaseFailure } from '../actor.js';
import type { ClinicRepositories } from '../ports.js';
import { auditRecord, datedInFuture } from './record-checks.js';
import { RECORD_KINDS, type RecordInput, type RecordKind, type StoredEntry } from './record-ports.js';

export async function addRecord<K extends RecordKind>(
  input: {
    readonly kind: K;
    readonly patientId: string;
    readonly entry: RecordInput<K>;
    /** The clinical "now" (epoch ms): the entry's recorded time, and the latest it may be dated. */
    readonly recordedAt: number;
    readonly actor: Actor;
    readonly at: number;
  },
  repos: Pick<ClinicRepositories, 'records' | 'audit'>,
): Promise<{ readonly ok: true; readonly entry: StoredEntry<K> } | UseCaseFailure> {
  const { kind, patientId, actor, at } = input;
  const audit = (outcome: 'success' | 'failed', id: string | null, known: boolean, detail: Record<string, unknown>) =>
    auditRecord(repos, { kind, action: 'create', actor, at, id, patientId: known ? patientId : null, outcome, detail });
  const future = datedInFuture(kind, input.entry, input.recordedAt);
  if (future) {
    await audit('failed', null, false, { reason: 'validation-failed', field: future.issues?.[0]?.path });
    return future;
  }
  const stored = await repos.records.add(kind, patientId, input.entry, {
    at: input.recordedAt,
    // An API token (a system client's FHIR import) is no user: the entry has no author then.
    by: actor.kind === 'api-token' ? null : actor.userId,
  });
  if (!stored) {
    await audit('failed', null, false, { reason: 'not-found' });
    return { ok: false, code: 'not-found', detail: `no patient ${patientId} in this clinic` };
  }
  await audit('success', stored.id, true, { revision: stored.revision });
  return { ok: true, entry: stored };
}

/** The failure of a change to an entry that is not the patient's here. */
export function entryNotFound(kind: RecordKind, patientId: string, id: string): UseCaseFailure {
  return {
    ok: false,
    code: 'not-found',
    detail: `no ${RECORD_KINDS[kind].noun} ${id} for patient ${patientId} in this clinic`,
  };
}
