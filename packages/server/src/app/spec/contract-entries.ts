// The chart's entries one at a time (the record store): add, read, replace under the revision,
// entered in error without losing the row, the review stamps, and clinic isolation.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ClinicRepositories } from '../ports.js';
import type { RecordInput, RecordKind } from '../records/record-ports.js';
import { newPatient } from './contract-patients.js';
import { NOW } from './contract-records.js';
import type { GetSubject } from './repository-contract.js';

const NOW_ISO = new Date(NOW).toISOString();

export const ENTRIES: { readonly [K in RecordKind]: RecordInput<K> } = {
  condition: {
    icd10: 'M79.18',
    display: 'Myalgia, other site',
    clinicalStatus: 'active',
    verificationStatus: 'confirmed',
    onset: '2026-10',
    bodySite: { muscle: 'trapezius-upper', region: 'neck-posterior', side: 'left' },
  },
  allergy: {
    substance: { kind: 'class', code: 'paraben', text: 'Parabens' },
    type: 'allergy',
    criticality: 'high',
    clinicalStatus: 'active',
    verificationStatus: 'confirmed',
  },
  medicine: {
    rxnorm: '11289',
    display: 'Warfarin 5 mg tablet',
    status: 'active',
    assertedAt: '2026-11-27T09:00:00+01:00',
  },
  observation: {
    loinc: '6301-6',
    value: { quantity: 2.4, unit: '{INR}' },
    at: '2026-11-26T09:30:00Z',
    status: 'final',
  },
  'earlier-administration': {
    injectate: 'triamcinolone-40',
    volumeMl: 1,
    at: '2026-09-14',
    status: 'completed',
    source: 'GP letter',
  },
};

/** What each entry reads back as: times as UTC instants, the source kept out of the chart. */
const READ: { readonly [K in RecordKind]: object } = {
  condition: { ...ENTRIES.condition, recordedAt: NOW_ISO },
  allergy: { ...ENTRIES.allergy, recordedAt: NOW_ISO },
  medicine: { ...ENTRIES.medicine, assertedAt: '2026-11-27T08:00:00.000Z' },
  observation: { ...ENTRIES.observation, at: '2026-11-26T09:30:00.000Z' },
  'earlier-administration': { injectate: 'triamcinolone-40', volumeMl: 1, at: '2026-09-14', status: 'completed' },
};

const KINDS = Object.keys(ENTRIES) as RecordKind[];

export function describeEntryContract(get: GetSubject): void {
  const setup = async () => {
    const subject = get();
    const clinicId = await subject.seedClinic();
    const user = await subject.seedUser(clinicId, { role: 'nurse' });
    const patient = await subject.repos.inClinic(clinicId, (r) => r.patients.create(newPatient('Record', ['Rae'])));
    const inClinic = <T>(work: (r: ClinicRepositories) => Promise<T>) => subject.repos.inClinic(clinicId, work);
    const stamp = { at: NOW, by: user.id };
    return { subject, clinicId, user, patientId: patient.id, inClinic, stamp };
  };

  describe('record entries', () => {
    it('adds each kind at revision 1, reads it back and shows it in the chart', async () => {
      const { patientId, inClinic, stamp } = await setup();
      for (const kind of KINDS) {
        const added = await inClinic((r) => r.records.add(kind, patientId, ENTRIES[kind], stamp));
        expect(added, kind).toEqual({ ...READ[kind], id: expect.any(String) as unknown, revision: 1 });
        if (!added) throw new Error(kind);
        expect(await inClinic((r) => r.records.get(kind, patientId, added.id)), kind).toEqual(added);
      }
      const chart = await inClinic((r) => r.charts.loadChart(patientId));
      expect(chart).toMatchObject({
        conditions: [READ.condition],
        allergies: [READ.allergy],
        medicines: [READ.medicine],
        observations: [READ.observation],
        administrations: [READ['earlier-administration']],
      });
    });

    it('adds nothing for a patient it does not have, or an author of another clinic', async () => {
      const { subject, patientId, inClinic, stamp } = await setup();
      expect(await inClinic((r) => r.records.add('condition', randomUUID(), ENTRIES.condition, stamp))).toBeUndefined();
      expect(await inClinic((r) => r.records.add('condition', 'p-1', ENTRIES.condition, stamp))).toBeUndefined();
      const stranger = await subject.seedUser(await subject.seedClinic('Elsewhere'));
      await expect(
        inClinic((r) => r.records.add('allergy', patientId, ENTRIES.allergy, { ...stamp, by: stranger.id })),
      ).rejects.toThrow();
      const notGiven = { ...ENTRIES['earlier-administration'], status: 'not-done' as const };
      await expect(
        inClinic((r) => r.records.add('earlier-administration', patientId, notGiven, stamp)),
      ).rejects.toThrow();
      expect((await inClinic((r) => r.charts.loadChart(patientId)))?.allergies).toEqual([]);
    });

    it('replaces from the current revision only, keeping its recorded time; stale or unknown: no change', async () => {
      const { patientId, inClinic, stamp } = await setup();
      const added = await inClinic((r) => r.records.add('condition', patientId, ENTRIES.condition, stamp));
      if (!added) throw new Error('not added');
      const resolved = { ...ENTRIES.condition, clinicalStatus: 'resolved' as const, bodySite: { region: 'shoulder' } };
      const later = NOW + 60_000;
      const replaced = await inClinic((r) => r.records.replace('condition', patientId, added.id, 1, resolved, later));
      expect(replaced).toEqual({ ...resolved, id: added.id, revision: 2, recordedAt: NOW_ISO });
      const lost = { ...ENTRIES.condition, display: 'Lost update' };
      expect(await inClinic((r) => r.records.replace('condition', patientId, added.id, 1, lost, later))).toBe('stale');
      expect(await inClinic((r) => r.records.replace('condition', patientId, randomUUID(), 2, lost, later))).toBe(
        undefined,
      );
      const other = await inClinic((r) => r.patients.create(newPatient('Other', ['Otto'])));
      expect(await inClinic((r) => r.records.get('condition', other.id, added.id))).toBeUndefined();
      expect(await inClinic((r) => r.records.replace('condition', other.id, added.id, 2, lost, later))).toBeUndefined();
      expect(await inClinic((r) => r.records.get('condition', patientId, added.id))).toEqual(replaced);
    });

    it('keeps an entry marked entered in error, with that status, in the chart', async () => {
      const { patientId, inClinic, stamp } = await setup();
      const added = await inClinic((r) => r.records.add('observation', patientId, ENTRIES.observation, stamp));
      if (!added) throw new Error('not added');
      const retracted = { ...ENTRIES.observation, status: 'entered-in-error' as const };
      await inClinic((r) => r.records.replace('observation', patientId, added.id, 1, retracted, NOW));
      expect((await inClinic((r) => r.charts.loadChart(patientId)))?.observations).toEqual([
        { ...READ.observation, id: added.id, status: 'entered-in-error', revision: 2 },
      ]);
    });

    it('stamps the allergy review and medicine reconciliation (time, user), not the patient revision', async () => {
      const { patientId, inClinic, stamp, user } = await setup();
      expect(await inClinic((r) => r.records.stamp(patientId, 'allergies', stamp))).toBe(true);
      const later = { ...stamp, at: NOW + 1000 };
      expect(await inClinic((r) => r.records.stamp(patientId, 'medicines', later))).toBe(true);
      expect(await inClinic((r) => r.charts.loadChart(patientId))).toMatchObject({
        allergiesReviewedAt: NOW_ISO,
        allergiesReviewedBy: user.id,
        medicationsReconciledAt: new Date(NOW + 1000).toISOString(),
        medicationsReconciledBy: user.id,
      });
      expect((await inClinic((r) => r.patients.get(patientId)))?.revision).toBe(1);
      expect(await inClinic((r) => r.records.stamp(randomUUID(), 'allergies', stamp))).toBe(false);
    });

    it("shows clinic B none of clinic A's entries and lets it change none, even by id", async () => {
      const { subject, patientId, inClinic, stamp } = await setup();
      const added = await inClinic((r) => r.records.add('allergy', patientId, ENTRIES.allergy, stamp));
      if (!added) throw new Error('not added');
      const bClinic = await subject.seedClinic('Clinic B');
      const bUser = await subject.seedUser(bClinic);
      const retracted = { ...ENTRIES.allergy, verificationStatus: 'entered-in-error' as const };
      const seen = await subject.repos.inClinic(bClinic, async (r) => ({
        get: await r.records.get('allergy', patientId, added.id),
        replace: await r.records.replace('allergy', patientId, added.id, 1, retracted, NOW),
        add: await r.records.add('allergy', patientId, ENTRIES.allergy, { at: NOW, by: bUser.id }),
        stamp: await r.records.stamp(patientId, 'allergies', { at: NOW, by: bUser.id }),
      }));
      expect(seen).toEqual({ get: undefined, replace: undefined, add: undefined, stamp: false });
      expect(await inClinic((r) => r.charts.loadChart(patientId))).toMatchObject({
        allergiesReviewedAt: null,
        allergies: [added],
      });
    });
  });
}
