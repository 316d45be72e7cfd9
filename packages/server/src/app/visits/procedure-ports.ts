// What a visit's procedure leaves in the record besides its note (issue 3 item 2): the
// administrations per site (product, volume, lot, expiry), complications (catalogue type,
// severity, onset, action) and consents (what was consented, the risks shown, who signed, the
// signature, when). Administrations and the note's immediate complications are written when a
// note version is signed, in its transaction; an amendment's signature replaces them (every
// version of the note keeps its own account, unchanged). Complications found later and consents
// are added on their own; neither is ever deleted.
import type { ComplicationSeverity, ComplicationType, ConsentForm, ImmediateComplication, Side } from '@knotwork/core';

export interface NewAdministration {
  readonly muscle: string;
  readonly side: Side;
  readonly injectate: string;
  readonly productText: string;
  readonly volumeMl: number;
  readonly lot: string | null;
  readonly expiry: string | null;
}

export interface StoredAdministration extends NewAdministration {
  readonly id: string;
  readonly visitId: string;
  readonly patientId: string;
  readonly noteId: string | null;
  readonly administeredAt: number;
  readonly administeredBy: string | null;
}

export interface SignedNoteRef {
  readonly visitId: string;
  readonly patientId: string;
  readonly noteId: string;
  readonly by: string;
  readonly at: number;
}

export interface NewComplication {
  readonly visitId: string;
  readonly patientId: string;
  readonly type: ComplicationType;
  readonly severity: ComplicationSeverity;
  /** ISO date-time. */
  readonly onset: string;
  readonly action: string;
  readonly note: string | null;
  readonly reportedBy: 'clinician' | 'patient';
  readonly by: string | null;
  readonly at: number;
}

export interface StoredComplication extends Omit<NewComplication, 'by' | 'at'> {
  readonly id: string;
  readonly noteId: string | null;
  readonly status: 'active' | 'entered-in-error';
  readonly recordedAt: number;
  readonly recordedBy: string | null;
  /** Increases with every change: the ETag. */
  readonly revision: number;
}

export interface NewConsent {
  readonly visitId: string;
  readonly patientId: string;
  readonly form: ConsentForm;
  readonly planRevision: number;
  readonly signerKind: 'patient' | 'representative';
  readonly signerName: string;
  readonly signerRelationship: string | null;
  readonly signatureKind: 'typed-name' | 'image';
  /** The typed name, or the drawn signature as a data:image/png;base64 URL. */
  readonly signatureData: string;
  readonly signedAt: number;
  /** The clinician or nurse who witnessed the signature. */
  readonly witnessedBy: string;
}

export interface StoredConsent extends NewConsent {
  readonly id: string;
}

export interface ProcedureStore {
  /** Replaces the visit's administrations with those of the signed note version `ref.noteId`. */
  replaceAdministrations(ref: SignedNoteRef, rows: readonly NewAdministration[]): Promise<void>;
  administrationsOf(visitId: string): Promise<readonly StoredAdministration[]>;
  /** Replaces the complications earlier signed versions of the visit's note recorded with this version's. */
  replaceNoteComplications(ref: SignedNoteRef, rows: readonly ImmediateComplication[]): Promise<void>;
  addComplication(c: NewComplication): Promise<StoredComplication>;
  /** The visit's complications, in order of recording. */
  complicationsOf(visitId: string): Promise<readonly StoredComplication[]>;
  getComplication(id: string): Promise<StoredComplication | undefined>;
  /** Marks it entered-in-error if it is still at `expectedRevision`; 'stale' otherwise. */
  markComplicationEnteredInError(id: string, expectedRevision: number): Promise<StoredComplication | 'stale'>;
  addConsent(c: NewConsent): Promise<StoredConsent>;
  /** The visit's consents, oldest first. */
  consentsOf(visitId: string): Promise<readonly StoredConsent[]>;
}
