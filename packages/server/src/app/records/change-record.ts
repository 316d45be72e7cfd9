// Changing an entry of a patient's record, only from the revision the caller read (If-Match): a
// stale write changes nothing and says so (412). Two changes: replacing a condition, allergy or
// medicine (`<kind>.update`), and marking any entry entered in error (`<kind>.entered-in-error`),
// which keeps the row. An entry entered in error is final: it is not changed again (409).
import type { Actor, UseCaseFailure } from '../actor.js';
import type { ClinicRepositories } from '../ports.js';
import { entryNotFound } from './add-record.js';
import { auditRecord, datedInFuture, type RecordAction } from './record-checks.js';
import {
  ENTERED_IN_ERROR,
  inputOf,
  isEnteredInError,
  RECORD_KINDS,
  type RecordEntries,
  type RecordInput,
  type RecordKind,
  type StoredEntry,
} from './record-ports.js';

interface ChangeInput<K extends RecordKind> {
  readonly kind: K;
  readonly patientId: string;
  readonly entryId: string;
  /** The revisions the caller's If-Match names; the write happens only if the current one is among them. */
  readonly ifRevisions: readonly number[];
  /** The clinical "now" (epoch ms): the update time, and the latest an entry may be dated. */
  readonly changedAt: number;
  readonly actor: Actor;
  readonly at: number;
  /** Why an entry is marked entered in error, in the user's words (kept in the audit row). */
  readonly reason?: string | undefined;
}

type Changed<K extends RecordKind> = { readonly ok: true; readonly entry: StoredEntry<K> } | UseCaseFailure;

async function change<K extends RecordKind>(
  input: ChangeInput<K>,
  action: RecordAction,
  next: (current: StoredEntry<K>) => RecordInput<K>,
  repos: Pick<ClinicRepositories, 'records' | 'audit'>,
): Promise<Changed<K>> {
  const { kind, patientId, entryId, actor, at } = input;
  const { noun } = RECORD_KINDS[kind];
  const refuse = async (failure: UseCaseFailure, known: boolean, detail: Record<string, unknown>) => {
    const patient = known ? patientId : null;
    await auditRecord(repos, { kind, action, actor, at, id: entryId, patientId: patient, outcome: 'failed', detail });
    return failure;
  };
  const current = await repos.records.get(kind, patientId, entryId);
  if (!current) return refuse(entryNotFound(kind, patientId, entryId), false, { reason: 'not-found' });
  const stale = (now: string): UseCaseFailure => ({
    ok: false,
    code: 'precondition-failed',
    detail: `${noun} ${entryId} ${now}, not revision ${input.ifRevisions.join(' or ') || '(none)'}: read it again`,
  });
  if (!input.ifRevisions.includes(current.revision)) {
    const failure = stale(`is at revision ${current.revision}`);
    return refuse(failure, true, { reason: 'stale', revision: current.revision });
  }
  if (isEnteredInError(current)) {
    const detail = `${noun} ${entryId} was entered in error and is not changed again; record a new one`;
    return refuse({ ok: false, code: 'conflict', detail }, true, { reason: 'entered-in-error' });
  }
  const replacement = next(current);
  // Only a new version is checked: an entry dated wrongly can always be marked entered in error.
  const future = action === 'update' ? datedInFuture(kind, replacement, input.changedAt) : undefined;
  if (future) return refuse(future, true, { reason: 'validation-failed', field: future.issues?.[0]?.path });
  const saved = await repos.records.replace(kind, patientId, entryId, current.revision, replacement, input.changedAt);
  if (saved === undefined) return refuse(entryNotFound(kind, patientId, entryId), false, { reason: 'not-found' });
  if (saved === 'stale') return refuse(stale('changed while this write ran'), true, { reason: 'stale' });
  await auditRecord(repos, {
    kind,
    action,
    actor,
    at,
    id: entryId,
    patientId,
    outcome: 'success',
    detail: { revision: saved.revision, ...(input.reason ? { reason: input.reason } : {}) },
  });
  return { ok: true, entry: saved };
}

/** Replaces an entry with the caller's version (PUT sends all of it: conditions, allergies, medicines). */
export function changeRecord<K extends RecordKind>(
  input: ChangeInput<K> & { readonly entry: RecordInput<K> },
  repos: Pick<ClinicRepositories, 'records' | 'audit'>,
): Promise<Changed<K>> {
  return change(input, 'update', () => input.entry, repos);
}

/** Marks an entry entered in error: never a deletion; the row stays, with that status (and the reason audited). */
export function enterInError<K extends RecordKind>(
  input: ChangeInput<K>,
  repos: Pick<ClinicRepositories, 'records' | 'audit'>,
): Promise<Changed<K>> {
  const mark = ENTERED_IN_ERROR[input.kind] as (entry: RecordEntries[K]) => RecordEntries[K];
  return change(input, 'entered-in-error', (current) => inputOf<K>(mark(current)), repos);
}
