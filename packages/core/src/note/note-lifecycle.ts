// The procedure note's life: a draft is edited until it is signed; a signed note is never changed
// in place; an amendment is a new version, with a reason, that is itself signed (issue 3, item 2).
// Pure decisions: the server applies them with a conditional write, so that of two concurrent
// signatures exactly one wins.

export type NoteStatus = 'draft' | 'signed' | 'amended';

export interface NoteVersion {
  readonly version: number;
  readonly status: NoteStatus;
  /** The version this one amends; null for the original note. */
  readonly amends: number | null;
  readonly amendmentReason: string | null;
  readonly signedBy: string | null;
  readonly signedAt: number | null;
}

export type NoteDecision<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly code: 'note-locked' | 'not-signed' | 'signing-blocked' | 'reason-required' | 'not-latest';
      readonly detail: string;
    };

export function isLocked(note: NoteVersion): boolean {
  return note.status !== 'draft';
}

export function canEdit(note: NoteVersion): NoteDecision<NoteVersion> {
  return isLocked(note)
    ? { ok: false, code: 'note-locked', detail: `version ${note.version} is signed: amend it instead` }
    : { ok: true, value: note };
}

/**
 * Signs a draft. `blockers` are what the caller found still open (an unresolved critical card,
 * an unchecked time-out item, an expired lot), in words; any blocker refuses the signature.
 */
export function sign(
  note: NoteVersion,
  options: { readonly by: string; readonly at: number; readonly blockers: readonly string[] },
): NoteDecision<NoteVersion> {
  if (isLocked(note)) return { ok: false, code: 'note-locked', detail: `version ${note.version} is already signed` };
  if (options.blockers.length > 0) {
    return { ok: false, code: 'signing-blocked', detail: `cannot sign yet: ${options.blockers.join('; ')}` };
  }
  return {
    ok: true,
    value: { ...note, status: note.amends === null ? 'signed' : 'amended', signedBy: options.by, signedAt: options.at },
  };
}

/** Starts an amendment of the latest signed version: a new draft version that names its reason. */
export function startAmendment(
  latest: NoteVersion,
  options: { readonly reason: string; readonly newestVersion: number },
): NoteDecision<NoteVersion> {
  if (!isLocked(latest)) return { ok: false, code: 'not-signed', detail: 'a draft is edited, not amended' };
  if (latest.version !== options.newestVersion) {
    return { ok: false, code: 'not-latest', detail: `version ${options.newestVersion} is newer: amend that one` };
  }
  const reason = options.reason.trim();
  if (reason.length < 5)
    return { ok: false, code: 'reason-required', detail: 'an amendment needs a reason (at least 5 characters)' };
  return {
    ok: true,
    value: {
      version: latest.version + 1,
      status: 'draft',
      amends: latest.version,
      amendmentReason: reason,
      signedBy: null,
      signedAt: null,
    },
  };
}

export function firstDraft(): NoteVersion {
  return { version: 1, status: 'draft', amends: null, amendmentReason: null, signedBy: null, signedAt: null };
}
