// A visit's procedure note, version by version (issue 3 item 2): a draft is edited under its
// revision; signing is a conditional write (`WHERE status = 'draft' AND revision = expected`), so
// of two concurrent signatures exactly one wins; a signed or amended version is never changed (the
// database's trigger refuses it; the twin mirrors that); an amendment is the next version.
import {
  EMPTY_TIME_OUT,
  type ImmediateComplication,
  type NoteStatus,
  type ProcedureRecord,
  type ProcedureSite,
  type TimeOutItem,
} from '@knotwork/core';
import type { PlanContent } from './plan-ports.js';

export interface NoteContent {
  /** The plan as it was when the note was started (or amended). */
  readonly plan: PlanContent & { readonly revision: number };
  /** Free-text findings of the procedure. */
  readonly findings: string;
  /** Post-procedure pain, 0-10 (NRS); null until recorded. */
  readonly painNrs: number | null;
  /** The time-out before the first needle: each item confirmed or not. */
  readonly timeOut: Readonly<Record<TimeOutItem, boolean>>;
  /** Per site: needle, aspiration, twitch, tolerance and what was given (product, volume, lot, expiry). */
  readonly sites: readonly ProcedureSite[];
  /** Complications during or just after the procedure (catalogue types). */
  readonly complications: readonly ImmediateComplication[];
}

/** The parts of a draft a clinician edits (the plan snapshot is not one of them). */
export type NoteChange = Partial<Omit<NoteContent, 'plan'>>;

/** A planned site as the note's first draft lists it: nothing recorded yet. */
export function emptySite(site: { readonly muscle: string; readonly side: ProcedureSite['side'] }): ProcedureSite {
  return {
    muscle: site.muscle,
    side: site.side,
    needle: { gauge: null, lengthMm: null },
    aspiration: null,
    twitch: null,
    tolerance: null,
    administrations: [],
  };
}

/**
 * A stored note's content, with the fields notes written before they existed (time-out, sites,
 * complications) filled in as "nothing recorded": an old draft reads as incomplete, never as done.
 */
export function noteContentOf(raw: unknown): NoteContent {
  const c = raw as Partial<NoteContent> & Pick<NoteContent, 'plan' | 'findings' | 'painNrs'>;
  return {
    plan: c.plan,
    findings: c.findings,
    painNrs: c.painNrs,
    timeOut: { ...EMPTY_TIME_OUT, ...c.timeOut },
    sites: c.sites ?? [],
    complications: c.complications ?? [],
  };
}

/** The note's content as the core's procedure checks read it. */
export function procedureRecordOf(content: NoteContent): ProcedureRecord {
  return {
    timeOut: content.timeOut,
    sites: content.sites,
    complications: content.complications,
    postPainNrs: content.painNrs,
  };
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
