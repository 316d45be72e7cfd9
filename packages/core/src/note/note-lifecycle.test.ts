import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canEdit, firstDraft, sign, startAmendment, type NoteVersion } from './note-lifecycle.js';

const AT = Date.parse('2026-11-27T10:00:00Z');

function signed(): NoteVersion {
  const r = sign(firstDraft(), { by: 'u1', at: AT, blockers: [] });
  if (!r.ok) throw new Error(r.detail);
  return r.value;
}

describe('procedure note lifecycle', () => {
  it('a draft is editable and signs to a locked note', () => {
    expect(canEdit(firstDraft()).ok).toBe(true);
    const note = signed();
    expect(note).toMatchObject({ status: 'signed', signedBy: 'u1', signedAt: AT });
    expect(canEdit(note)).toMatchObject({ ok: false, code: 'note-locked' });
    expect(sign(note, { by: 'u2', at: AT, blockers: [] })).toMatchObject({ ok: false, code: 'note-locked' });
  });

  it('a blocker refuses the signature and says why', () => {
    expect(sign(firstDraft(), { by: 'u1', at: AT, blockers: ['drug-allergy card not overridden'] })).toEqual({
      ok: false,
      code: 'signing-blocked',
      detail: 'cannot sign yet: drug-allergy card not overridden',
    });
  });

  it('an amendment is a new version with a reason, signed as amended; the signed version is untouched', () => {
    const original = signed();
    const draft = startAmendment(original, { reason: 'Wrong lot number recorded', newestVersion: 1 });
    expect(draft).toMatchObject({
      ok: true,
      value: { version: 2, status: 'draft', amends: 1, amendmentReason: 'Wrong lot number recorded' },
    });
    if (!draft.ok) return;
    expect(sign(draft.value, { by: 'u1', at: AT + 1, blockers: [] })).toMatchObject({
      ok: true,
      value: { status: 'amended', version: 2 },
    });
    expect(original.status).toBe('signed');
  });

  it('refuses an amendment without a reason, of a draft, or of a version that is not the newest', () => {
    expect(startAmendment(signed(), { reason: '  ', newestVersion: 1 })).toMatchObject({
      ok: false,
      code: 'reason-required',
    });
    expect(startAmendment(firstDraft(), { reason: 'a good reason', newestVersion: 1 })).toMatchObject({
      ok: false,
      code: 'not-signed',
    });
    expect(startAmendment(signed(), { reason: 'a good reason', newestVersion: 2 })).toMatchObject({
      ok: false,
      code: 'not-latest',
    });
  });

  it('property: no sequence of actions changes a signed version', () => {
    const action = fc.oneof(
      fc.record({ kind: fc.constant('sign' as const), blockers: fc.array(fc.string(), { maxLength: 1 }) }),
      fc.record({ kind: fc.constant('amend' as const), reason: fc.string() }),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 12 }), (actions) => {
        const versions: NoteVersion[] = [firstDraft()];
        for (const a of actions) {
          const latest = versions.at(-1) as NoteVersion;
          const frozen = versions.filter((v) => v.status !== 'draft').map((v) => JSON.stringify(v));
          if (a.kind === 'sign') {
            const r = sign(latest, { by: 'u', at: AT, blockers: a.blockers });
            if (r.ok) versions[versions.length - 1] = r.value;
          } else {
            const r = startAmendment(latest, { reason: a.reason, newestVersion: latest.version });
            if (r.ok) versions.push(r.value);
          }
          const after = versions
            .filter((v, i) => i < frozen.length && v.status !== 'draft')
            .map((v) => JSON.stringify(v));
          expect(after).toEqual(frozen);
        }
      }),
    );
  });
});
