// Administrations, complications and consents through the ProcedureStore port: a signed note's
// administrations replace the visit's and show in the chart; the note's complications are replaced
// on the next signature while those recorded on their own stay; a complication is marked
// entered-in-error under its revision (the stale write changes nothing); consents round-trip with
// the form shown.
import { consentForm, type ConsentForm } from '@knotwork/core';
import { describe, expect, it } from 'vitest';
import { CONTENT } from './contract-notes.js';
import { NOW } from './contract-records.js';
import { seedVisit } from './contract-plans.js';
import type { GetSubject } from './repository-contract.js';

const form = (): ConsentForm => {
  const r = consentForm({
    sites: [{ muscle: 'temporalis', side: 'left' }],
    products: [{ injectate: 'lidocaine-1pct', volumeMl: 2 }],
  });
  if (!r.ok) throw new Error('fixture');
  return r.form;
};

export function describeProcedureContract(get: GetSubject): void {
  describe('administrations, complications and consents', () => {
    async function signedNote() {
      const { repos } = get();
      const seeded = await seedVisit(get());
      const note = await repos.inClinic(seeded.clinicId, async (r) => {
        const inserted = await r.notes.insert({
          visitId: seeded.visitId,
          patientId: seeded.patientId,
          version: 1,
          content: CONTENT,
          by: seeded.user.id,
          previousVersionId: null,
          amendmentReason: null,
        });
        if (inserted === 'exists') throw new Error('expected a new note');
        const signed = await r.notes.sign(inserted.id, 1, { status: 'signed', by: seeded.user.id, at: NOW });
        if (typeof signed === 'string') throw new Error(signed);
        return signed;
      });
      const ref = {
        visitId: seeded.visitId,
        patientId: seeded.patientId,
        noteId: note.id,
        by: seeded.user.id,
        at: NOW,
      };
      return { ...seeded, note, ref };
    }

    it('replaces a visit’s administrations with a signed version’s, and the chart shows them', async () => {
      const { repos } = get();
      const { clinicId, visitId, patientId, ref } = await signedNote();
      const row = {
        muscle: 'temporalis',
        side: 'left' as const,
        injectate: 'lidocaine-1pct',
        productText: 'Lidocaine 1%',
        volumeMl: 1.5,
        lot: 'LD2291',
        expiry: '2027-06',
      };
      await repos.inClinic(clinicId, (r) => r.procedures.replaceAdministrations(ref, [row, { ...row, side: 'right' }]));
      await repos.inClinic(clinicId, (r) => r.procedures.replaceAdministrations(ref, [{ ...row, volumeMl: 1 }]));
      const given = await repos.inClinic(clinicId, (r) => r.procedures.administrationsOf(visitId));
      expect(given).toEqual([
        expect.objectContaining({
          ...row,
          volumeMl: 1,
          visitId,
          patientId,
          noteId: ref.noteId,
          administeredAt: NOW,
          administeredBy: ref.by,
        }),
      ]);
      const chart = await repos.inClinic(clinicId, (r) => r.charts.loadChart(patientId));
      expect(chart?.administrations).toEqual([
        {
          id: given[0]?.id,
          injectate: 'lidocaine-1pct',
          volumeMl: 1,
          at: new Date(NOW).toISOString(),
          status: 'completed',
        },
      ]);
    });

    it('replaces the note’s complications on a signature and keeps those recorded on their own', async () => {
      const { repos } = get();
      const { clinicId, visitId, patientId, user, ref } = await signedNote();
      const onset = new Date(NOW - 60_000).toISOString();
      const own = await repos.inClinic(clinicId, (r) =>
        r.procedures.addComplication({
          visitId,
          patientId,
          type: 'infection',
          severity: 'moderate',
          onset,
          action: 'Antibiotics',
          note: null,
          reportedBy: 'patient',
          by: user.id,
          at: NOW,
        }),
      );
      expect(own).toMatchObject({
        type: 'infection',
        status: 'active',
        reportedBy: 'patient',
        noteId: null,
        revision: 1,
        onset,
      });
      const immediate = {
        type: 'vasovagal' as const,
        severity: 'mild' as const,
        onset,
        action: 'Supine',
        note: 'Recovered',
      };
      await repos.inClinic(clinicId, (r) => r.procedures.replaceNoteComplications(ref, [immediate]));
      await repos.inClinic(clinicId, (r) =>
        r.procedures.replaceNoteComplications(ref, [{ ...immediate, severity: 'moderate' }]),
      );
      const list = await repos.inClinic(clinicId, (r) => r.procedures.complicationsOf(visitId));
      expect(list.map((c) => [c.type, c.severity, c.noteId])).toEqual(
        expect.arrayContaining([
          ['infection', 'moderate', null],
          ['vasovagal', 'moderate', ref.noteId],
        ]),
      );
      expect(list).toHaveLength(2);
    });

    it('marks a complication entered in error under its revision; a stale write changes nothing', async () => {
      const { repos } = get();
      const { clinicId, visitId, patientId, user } = await signedNote();
      const c = await repos.inClinic(clinicId, (r) =>
        r.procedures.addComplication({
          visitId,
          patientId,
          type: 'bruising_haematoma',
          severity: 'mild',
          onset: new Date(NOW).toISOString(),
          action: 'Pressure',
          note: null,
          reportedBy: 'clinician',
          by: user.id,
          at: NOW,
        }),
      );
      const marked = await repos.inClinic(clinicId, (r) => r.procedures.markComplicationEnteredInError(c.id, 1));
      expect(marked).toMatchObject({ status: 'entered-in-error', revision: 2 });
      expect(await repos.inClinic(clinicId, (r) => r.procedures.markComplicationEnteredInError(c.id, 1))).toBe('stale');
      expect(await repos.inClinic(clinicId, (r) => r.procedures.getComplication(c.id))).toEqual(marked);
      expect(await repos.inClinic(clinicId, (r) => r.procedures.getComplication('no-such-id'))).toBeUndefined();
    });

    it('lists a patient’s visits, the latest first', async () => {
      const { repos } = get();
      const { clinicId, visitId, patientId, user } = await signedNote();
      const later = await repos.inClinic(clinicId, (r) =>
        r.visits.create({ patientId, startedAt: NOW + 60_000, startedBy: user.id }),
      );
      const visits = await repos.inClinic(clinicId, (r) => r.visits.ofPatient(patientId));
      expect(visits.map((v) => v.id)).toEqual([later.id, visitId]);
      expect(await repos.inClinic(clinicId, (r) => r.visits.ofPatient('no-such-patient'))).toEqual([]);
    });

    it('round-trips a consent with the form shown', async () => {
      const { repos } = get();
      const { clinicId, visitId, patientId, user } = await signedNote();
      const consent = {
        visitId,
        patientId,
        form: form(),
        planRevision: 3,
        signerKind: 'representative' as const,
        signerName: 'Grace Byron',
        signerRelationship: 'daughter',
        signatureKind: 'image' as const,
        signatureData: 'data:image/png;base64,iVBORw0KGgo=',
        signedAt: NOW,
        witnessedBy: user.id,
      };
      const stored = await repos.inClinic(clinicId, (r) => r.procedures.addConsent(consent));
      expect(stored).toEqual({ ...consent, id: stored.id });
      expect(await repos.inClinic(clinicId, (r) => r.procedures.consentsOf(visitId))).toEqual([stored]);
      expect(await repos.inClinic(clinicId, (r) => r.procedures.consentsOf('no-such-visit'))).toEqual([]);
    });
  });
}
