// What the record use cases share: the audit row of an entry's create, update or entered-in-error
// (`condition.create`, `allergy.entered-in-error` ...) and the check that an entry is not dated in
// the future of the clinical clock.
import { parseFhirTime } from '@knotwork/core';
import { auditAs, type Actor, type UseCaseFailure } from '../actor.js';
import type { ClinicRepositories } from '../ports.js';
import { RECORD_KINDS, type RecordInput, type RecordKind } from './record-ports.js';

export type RecordAction = 'create' | 'update' | 'entered-in-error';

/** A few minutes of difference between the client's clock and the server's are not "the future". */
const CLOCK_SKEW_MS = 5 * 60_000;

/** The field of each kind that says when it happened, which cannot be after "now". */
const DATED: { readonly [K in RecordKind]: string | undefined } = {
  condition: 'onset',
  allergy: undefined,
  medicine: 'assertedAt',
  observation: 'at',
  'earlier-administration': 'at',
};

/** A validation failure naming the field dated after `now` (the clinical clock), if there is one. */
export function datedInFuture<K extends RecordKind>(
  kind: K,
  input: RecordInput<K>,
  now: number,
): UseCaseFailure | undefined {
  const field = DATED[kind];
  if (field === undefined) return undefined;
  const value = (input as Record<string, unknown>)[field];
  const time = parseFhirTime(value);
  if (time === undefined || time <= now + CLOCK_SKEW_MS) return undefined;
  const message = `${String(value)} is after now (${new Date(now).toISOString()})`;
  return {
    ok: false,
    code: 'validation-failed',
    detail: `the ${RECORD_KINDS[kind].noun} is dated in the future`,
    issues: [{ path: field, message, code: 'in-future' }],
  };
}

export function auditRecord(
  repos: Pick<ClinicRepositories, 'audit'>,
  event: {
    readonly kind: RecordKind;
    readonly action: RecordAction;
    readonly actor: Actor;
    readonly at: number;
    /** The entry's id; null when the attempt named none that exists. */
    readonly id: string | null;
    /** Null when the patient is not known to be of this clinic. */
    readonly patientId: string | null;
    readonly outcome: 'success' | 'failed';
    readonly detail: Record<string, unknown>;
  },
): Promise<void> {
  const { resource } = RECORD_KINDS[event.kind];
  return repos.audit.record(
    auditAs(event.actor, event.at, {
      action: `${event.kind}.${event.action}`,
      entity:
        event.id === null
          ? event.patientId === null
            ? null
            : `Patient/${event.patientId}`
          : `${resource}/${event.id}`,
      patientId: event.patientId,
      outcome: event.outcome,
      detail: event.detail,
    }),
  );
}
