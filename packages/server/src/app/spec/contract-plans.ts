// A visit's plan: sites with their trigger-point findings and products read back exactly; one plan
// per visit (a second first save is 'exists', also when two run at once); an update names the
// revision it read (of two from one revision one wins, the other is 'stale'); another clinic's
// plan is not there.
import { describe, expect, it } from 'vitest';
import type { PlanContent } from '../visits/plan-ports.js';
import { NOW } from './contract-records.js';
import type { GetSubject, RepositorySubject } from './repository-contract.js';

export const PLAN_CONTENT: PlanContent = {
  sites: [
    {
      muscle: 'trapezius-upper',
      side: 'left',
      findings: { tautBand: true, localTwitch: true, referredPain: false, jumpSign: true },
    },
    {
      muscle: 'levator-scapulae',
      side: 'both',
      findings: { tautBand: true, localTwitch: false, referredPain: true, jumpSign: false },
    },
  ],
  products: [
    { injectate: 'lidocaine-1pct', volumeMl: 2.5 },
    { injectate: 'lidocaine-0.5pct', volumeMl: 1 },
  ],
};

/** A clinic with a clinician, an empty patient and a visit of theirs. */
export async function seedVisit(subject: RepositorySubject) {
  const { repos, seedClinic, seedUser } = subject;
  const clinicId = await seedClinic();
  const user = await seedUser(clinicId);
  const { patient, visit } = await repos.inClinic(clinicId, async (r) => {
    const p = await r.patients.create({ identifiers: [], family: 'Plan', given: ['Pat'], birthDate: null, sex: null });
    const v = await r.visits.create({ patientId: p.id, startedAt: NOW, startedBy: user.id });
    return { patient: p, visit: v };
  });
  return { clinicId, user, patientId: patient.id, visitId: visit.id };
}

export function describePlanContract(get: GetSubject): void {
  describe('plans', () => {
    it('creates a visit’s plan and reads its sites, findings and products back exactly', async () => {
      const { repos } = get();
      const { clinicId, user, patientId, visitId } = await seedVisit(get());
      expect(await repos.inClinic(clinicId, (r) => r.plans.ofVisit(visitId))).toBeUndefined();
      const created = await repos.inClinic(clinicId, (r) =>
        r.plans.create({ ...PLAN_CONTENT, visitId, patientId, by: user.id }),
      );
      expect(created).toMatchObject({ visitId, patientId, revision: 1, ...PLAN_CONTENT });
      const read = await repos.inClinic(clinicId, (r) => r.plans.ofVisit(visitId));
      expect(read).toEqual(created);
    });

    it('keeps one plan per visit, even when two first saves run at once', async () => {
      const { repos } = get();
      const { clinicId, user, patientId, visitId } = await seedVisit(get());
      const save = () =>
        repos.inClinic(clinicId, (r) => r.plans.create({ ...PLAN_CONTENT, visitId, patientId, by: user.id }));
      const results = await Promise.all([save(), save()]);
      expect(results.filter((r) => r === 'exists')).toHaveLength(1);
      expect(await save()).toBe('exists');
    });

    it('replaces the content under the revision read; a stale revision changes nothing', async () => {
      const { repos } = get();
      const { clinicId, user, patientId, visitId } = await seedVisit(get());
      const created = await repos.inClinic(clinicId, (r) =>
        r.plans.create({ ...PLAN_CONTENT, visitId, patientId, by: user.id }),
      );
      if (created === 'exists') throw new Error('expected a new plan');
      const change: PlanContent = {
        sites: PLAN_CONTENT.sites.slice(1),
        products: [{ injectate: 'lidocaine-1pct', volumeMl: 4 }],
      };
      const update = () => repos.inClinic(clinicId, (r) => r.plans.update(created.id, 1, change));
      const results = await Promise.all([update(), update()]);
      expect(results.filter((r) => r === 'stale')).toHaveLength(1);
      const read = await repos.inClinic(clinicId, (r) => r.plans.ofVisit(visitId));
      expect(read).toEqual({ ...created, ...change, revision: 2 });
      const other = await seedVisit(get());
      expect(await repos.inClinic(other.clinicId, (r) => r.plans.ofVisit(visitId))).toBeUndefined();
    });
  });
}
