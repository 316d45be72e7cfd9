// Procedure notes through the NoteStore port: a version round trip; a signed version is never
// changed (the database's trigger behind the conditional write; the twin mirrors it); of two
// concurrent signatures exactly one wins; an amendment is the next version, linked, with its reason.
import { describe, expect, it } from 'vitest';
import type { NoteContent, StoredNote } from '../visits/note-ports.js';
import { NOW } from './contract-records.js';
import { PLAN_CONTENT, seedVisit } from './contract-plans.js';
import type { GetSubject } from './repository-contract.js';

export const CONTENT: NoteContent = {
  plan: { ...PLAN_CONTENT, revision: 1 },
  findings: 'Taut band with local twitch, referred pain to the temple',
  painNrs: 2,
  timeOut: { patient: true, sites: true, sides: true, allergies: true, consent: true },
  sites: [
    {
      muscle: 'temporalis',
      side: 'left',
      needle: { gauge: 27, lengthMm: 13 },
      aspiration: 'negative',
      twitch: true,
      tolerance: 'well',
      administrations: [{ injectate: 'lidocaine-1pct', volumeMl: 1.5, lot: 'LD2291', expiry: '2027-06' }],
    },
  ],
  complications: [],
};

export function describeNoteContract(get: GetSubject): void {
  describe('procedure notes', () => {
    async function draft() {
      const { repos } = get();
      const seeded = await seedVisit(get());
      const note = await repos.inClinic(seeded.clinicId, (r) =>
        r.notes.insert({
          visitId: seeded.visitId,
          patientId: seeded.patientId,
          version: 1,
          content: CONTENT,
          by: seeded.user.id,
          previousVersionId: null,
          amendmentReason: null,
        }),
      );
      if (note === 'exists') throw new Error('expected a new note');
      return { ...seeded, note };
    }

    it('round-trips a version, and refuses a second version 1', async () => {
      const { repos } = get();
      const { clinicId, visitId, patientId, user, note } = await draft();
      expect(note).toMatchObject({
        visitId,
        patientId,
        version: 1,
        status: 'draft',
        revision: 1,
        content: CONTENT,
        createdBy: user.id,
        signedBy: null,
        signedAt: null,
        amendmentReason: null,
        previousVersionId: null,
      });
      expect(await repos.inClinic(clinicId, (r) => r.notes.get(note.id))).toEqual(note);
      const again = await repos.inClinic(clinicId, (r) =>
        r.notes.insert({
          visitId,
          patientId,
          version: 1,
          content: CONTENT,
          by: user.id,
          previousVersionId: null,
          amendmentReason: null,
        }),
      );
      expect(again).toBe('exists');
    });

    it('edits a draft under its revision, and never a signed version', async () => {
      const { repos } = get();
      const { clinicId, user, note } = await draft();
      const changed = { ...CONTENT, painNrs: 1 };
      expect(await repos.inClinic(clinicId, (r) => r.notes.edit(note.id, 7, changed))).toBe('stale');
      const edited = await repos.inClinic(clinicId, (r) => r.notes.edit(note.id, 1, changed));
      expect(edited).toMatchObject({ revision: 2, content: changed });
      const signed = await repos.inClinic(clinicId, (r) =>
        r.notes.sign(note.id, 2, { status: 'signed', by: user.id, at: NOW }),
      );
      expect(signed).toMatchObject({ status: 'signed', signedBy: user.id, signedAt: NOW, revision: 3 });
      expect(await repos.inClinic(clinicId, (r) => r.notes.edit(note.id, 3, CONTENT))).toBe('locked');
      expect(
        await repos.inClinic(clinicId, (r) => r.notes.sign(note.id, 3, { status: 'signed', by: user.id, at: NOW })),
      ).toBe('locked');
      expect(await repos.inClinic(clinicId, (r) => r.notes.get(note.id))).toEqual(signed);
    });

    it('lets exactly one of two concurrent signatures win', async () => {
      const { repos } = get();
      const { clinicId, user, note } = await draft();
      const signOnce = () =>
        repos.inClinic(clinicId, (r) => r.notes.sign(note.id, 1, { status: 'signed', by: user.id, at: NOW }));
      const results = await Promise.all([signOnce(), signOnce()]);
      expect(results.filter((r) => typeof r === 'object')).toHaveLength(1);
      expect(results.filter((r) => r === 'stale' || r === 'locked')).toHaveLength(1);
      expect(await repos.inClinic(clinicId, (r) => r.notes.get(note.id))).toMatchObject({
        status: 'signed',
        revision: 2,
      });
    });

    it('records an amendment as the next version, linked to the one it amends, with its reason', async () => {
      const { repos } = get();
      const { clinicId, visitId, patientId, user, note } = await draft();
      await repos.inClinic(clinicId, (r) => r.notes.sign(note.id, 1, { status: 'signed', by: user.id, at: NOW }));
      const amendment = await repos.inClinic(clinicId, (r) =>
        r.notes.insert({
          visitId,
          patientId,
          version: 2,
          content: { ...CONTENT, painNrs: 1 },
          by: user.id,
          previousVersionId: note.id,
          amendmentReason: 'Pain score recorded before the injection',
        }),
      );
      if (amendment === 'exists') throw new Error('expected version 2');
      await repos.inClinic(clinicId, (r) => r.notes.sign(amendment.id, 1, { status: 'amended', by: user.id, at: NOW }));
      const versions = await repos.inClinic(clinicId, (r) => r.notes.ofVisit(visitId));
      expect(versions.map((v: StoredNote) => [v.version, v.status, v.previousVersionId, v.amendmentReason])).toEqual([
        [1, 'signed', null, null],
        [2, 'amended', note.id, 'Pain score recorded before the injection'],
      ]);
      const other = await seedVisit(get());
      expect(await repos.inClinic(other.clinicId, (r) => r.notes.get(note.id))).toBeUndefined();
    });
  });
}
