// Who is acting, for the audit log: a signed-in user of one clinic, from an address. Use cases take
// an Actor and write their own audit rows through `auditAs` (GUIDE.md habit 10).
import type { AuditEvent } from '../audit-event.js';

export interface Actor {
  /** A user id; an API token's id when `kind` is 'api-token'. */
  readonly userId: string;
  /** Who acts: a signed-in user (the default) or a system client's API token. */
  readonly kind?: 'user' | 'api-token';
  readonly clinicId: string;
  /** The remote address (behind a trusted proxy: the forwarded one). */
  readonly from: string | null;
}

export function auditAs(
  actor: Actor,
  at: number,
  event: Pick<AuditEvent, 'action' | 'entity' | 'patientId' | 'outcome'> & Pick<Partial<AuditEvent>, 'detail'>,
): AuditEvent {
  return {
    clinicId: actor.clinicId,
    actor: actor.userId,
    actorKind: actor.kind ?? 'user',
    at,
    from: actor.from,
    ...event,
  };
}

/** What a use case returns when it cannot do what was asked; `code` is a code of the error table. */
export interface UseCaseFailure {
  readonly ok: false;
  readonly code:
    'not-found' | 'precondition-failed' | 'conflict' | 'validation-failed' | 'note-locked' | 'signing-blocked';
  readonly detail: string;
  /** The input field at fault (`values.feverCelsius`), when there is one. */
  readonly issues?: readonly { readonly path: string; readonly message: string; readonly code?: string }[];
  /** signing-blocked: what is still open, each with its code and the visit step that fixes it. */
  readonly blockers?: readonly { readonly code: string; readonly step: string; readonly message: string }[];
}
