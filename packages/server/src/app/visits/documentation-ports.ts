// Storing a whole documented visit decided in memory (decide-documented-visit.ts): every row the
// step-by-step use cases would have left, with the ids and times already chosen, and their audit
// events, written at once in the caller's transaction. The database writes them in one statement
// (db-repositories/visit-documentation.ts); the twin puts them in its maps.
import type { AuditEvent } from '../../audit-event.js';
import type { Visit } from '../ports.js';
import type { StoredEntry } from '../records/record-ports.js';
import type { StoredNote } from './note-ports.js';
import type { StoredPlan } from './plan-ports.js';
import type { StoredAdministration, StoredComplication, StoredConsent } from './procedure-ports.js';
import type { ScreenOverride, StoredScreen } from './visit-ports.js';

export interface DocumentedVisitRows {
  /** In progress, started by its clinician. */
  readonly visit: Visit;
  /** The patient's new observations (revision 1), recorded by `visit.startedBy` at `recordedAt`. */
  readonly observations: readonly StoredEntry<'observation'>[];
  readonly recordedAt: number;
  /** Revision 1, its screen already linked (`screenId`). */
  readonly plan: StoredPlan;
  readonly screen: StoredScreen;
  readonly overrides: readonly ScreenOverride[];
  readonly consent: StoredConsent;
  /** Version 1, signed (its revision counts the draft, its edit and its signature). */
  readonly note: StoredNote;
  readonly administrations: readonly StoredAdministration[];
  readonly complications: readonly StoredComplication[];
  /** In the order the step-by-step use cases record them. */
  readonly audit: readonly AuditEvent[];
}

export interface VisitDocumentationStore {
  /** Writes every row and audit event of the visit; throws (the transaction fails) if any is refused. */
  write(rows: DocumentedVisitRows): Promise<void>;
}
