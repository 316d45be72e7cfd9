// What the print use cases share: who is printing, the patient header, a user's display name, and
// the audit row of a print (a read of patient data: `<thing>.print`, success or failed, written in
// the caller's clinic transaction like every read). The print use cases gather a document's plain
// data through the ports (never the database directly); the layouts beside them render it after
// the transaction, so no transaction stays open while a PDF is drawn.
import { auditAs, type Actor, type UseCaseFailure } from '../app/actor.js';
import type { ClinicRepositories, PatientSummary } from '../app/ports.js';
import type { PatientHeader } from './pdf-layout.js';

export interface Who {
  readonly actor: Actor;
  readonly at: number;
}

export function patientHeader(p: PatientSummary | undefined, patientId: string): PatientHeader {
  if (!p) return { name: `patient ${patientId}`, birthDate: null, identifier: null };
  const name = [...p.given, p.family].filter((s) => s.trim() !== '').join(' ');
  return { name: name || `patient ${patientId}`, birthDate: p.birthDate, identifier: p.identifiers[0]?.value ?? null };
}

/** The user's display name, or their id when the clinic has no such account (a deleted user, a token). */
export async function displayNameOf(repos: Pick<ClinicRepositories, 'users'>, userId: string): Promise<string> {
  return (await repos.users.get(userId))?.displayName ?? userId;
}

export async function auditPrint(
  repos: Pick<ClinicRepositories, 'audit'>,
  who: Who,
  action: string,
  entity: string,
  patientId: string | null,
  failure?: UseCaseFailure,
): Promise<void> {
  await repos.audit.record(
    auditAs(who.actor, who.at, {
      action,
      entity,
      patientId,
      outcome: failure ? 'failed' : 'success',
      ...(failure ? { detail: { reason: failure.code } } : {}),
    }),
  );
}

export const notFound = (detail: string): UseCaseFailure => ({ ok: false, code: 'not-found', detail });
