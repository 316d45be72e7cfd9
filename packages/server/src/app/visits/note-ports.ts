// A visit's procedure note, version by version (issue 3 item 2): a draft is edited under its
// revision; signing is a conditional write (`WHERE status = 'draft' AND revision = expected`), so
// of two concurrent signatures exactly one wins; a signed or amended version is never changed (the
// database's trigger refuses it; the twin mirrors that); an amendment is the next version.
import type { NoteStatus } from '@knotwork/core';
import type { PlanContent } from './plan-ports.js';

export interface NoteContent {
  /** The plan as it was when the note was started. */
  readonly plan: PlanContent & { readonly revision: number };
  /** Free-text findings of the procedure. */
  readonly findings: string;
  /** Post-procedure pain, 0-10 (NRS); null until recorded. */
  readonly painNrs: number | null;
}

export interface StoredNote {
  readonly id: string;
  readonly visitId: string;
  readonly patientId: string;
  readonly version: number;
  readonly status: NoteStatus;
  readonly content: NoteContent;
  /** Increases with every change of the draft and with its signature: the ETag. */
  readonly revision: number;
  readonly createdBy: string | null;
  readonly signedBy: string | null;
  readonly signedAt: number | null;
  readonly amendmentReason: string | null;
  readonly previousVersionId: string | null;
}

export interface NewNote {
  readonly visitId: string;
  readonly patientId: string;
  readonly version: number;
  readonly content: NoteContent;
  readonly by: string;
  readonly previousVersionId: string | null;
  readonly amendmentReason: string | null;
}

export interface NoteStore {
  get(id: string): Promise<StoredNote | undefined>;
  /** Every version of the visit's note, oldest first. */
  ofVisit(visitId: string): Promise<readonly StoredNote[]>;
  /** A new version (a draft); 'exists' when the visit has that version already. */
  insert(note: NewNote): Promise<StoredNote | 'exists'>;
  /** Changes a draft's content if it is still a draft at `expectedRevision`. */
  edit(id: string, expectedRevision: number, content: NoteContent): Promise<StoredNote | 'stale' | 'locked'>;
  /** Signs a draft if it is still a draft at `expectedRevision`: one of two concurrent signatures wins. */
  sign(
    id: string,
    expectedRevision: number,
    signature: { readonly status: 'signed' | 'amended'; readonly by: string; readonly at: number },
  ): Promise<StoredNote | 'stale' | 'locked'>;
}
