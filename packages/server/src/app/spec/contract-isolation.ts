// Clinic isolation through the repositories (issue 3, item 4): clinic B sees nothing of clinic
// A's, even by A's ids, and cannot attach its own rows to A's.
import { randomUUID } from 'node:crypto';
import { resolvePolicy } from '@knotwork/core';
import { describe, expect, it } from 'vitest';
import { newPatient } from './contract-patients.js';
import { NOW, settingsOf } from './contract-records.js';
import { seedScreenedVisit } from './contract-screens.js';
import type { GetSubject } from './repository-contract.js';

export function describeIsolationContract(get: GetSubject): void {
  describe('clinic isolation', () => {
    it("shows clinic B none of clinic A's patients, charts, visits, screens or policy, even by id", async () => {
      const subject = get();
      const { repos } = subject;
      const a = await seedScreenedVisit(subject);
      const strict = resolvePolicy({ anticoagulantIndicator: 'critical' });
      if (!strict.ok) throw new Error('policy');
      await repos.inClinic(a.clinicId, (r) =>
        settingsOf(r).save(0, { policy: strict.policy, changedBy: a.user.id, at: NOW, reason: null }),
      );
      const bClinic = await subject.seedClinic('Clinic B');
      await repos.inClinic(bClinic, (r) => r.patients.create(newPatient('Bee', ['Only'])));

      const seen = await repos.inClinic(bClinic, async (r) => ({
        all: (await r.patients.search({ limit: 100 })).items.map((p) => p.family),
        byName: (await r.patients.search({ name: 'hart', limit: 10 })).items,
        byIdentifier: (await r.patients.search({ identifier: 'KW-1002', limit: 10 })).items,
        patient: await r.patients.get(a.patientId),
        update: await r.patients.update(a.patientId, 1, newPatient('Taken', ['Over'])),
        chart: await r.charts.loadChart(a.patientId),
        visit: await r.visits.get(a.visit.id),
        screen: await r.screens.find(a.screened.screenId),
        overrides: await r.screens.overridesOf(a.screened.screenId),
        policy: (await settingsOf(r).current()).settingsVersion,
      }));
      expect(seen).toEqual({
        all: ['Bee'],
        byName: [],
        byIdentifier: [],
        patient: undefined,
        update: undefined,
        chart: undefined,
        visit: undefined,
        screen: undefined,
        overrides: [],
        policy: 0,
      });
      // A's data is untouched by B's attempts.
      expect(await repos.inClinic(a.clinicId, (r) => r.patients.get(a.patientId))).toMatchObject({
        family: 'Hartley',
        revision: 1,
      });
    });

    it("refuses B's rows that point at A's patient, visit or screen", async () => {
      const subject = get();
      const { repos } = subject;
      const a = await seedScreenedVisit(subject);
      const bClinic = await subject.seedClinic('Clinic B');
      const bUser = await subject.seedUser(bClinic);
      await expect(
        repos.inClinic(bClinic, (r) =>
          r.visits.create({ patientId: a.patientId, startedAt: NOW, startedBy: bUser.id }),
        ),
      ).rejects.toThrow();
      const stored = await repos.inClinic(a.clinicId, (r) => r.screens.find(a.screened.screenId));
      if (!stored) throw new Error('no screen');
      await expect(
        repos.inClinic(bClinic, (r) => r.screens.save({ ...stored, id: randomUUID(), screenedBy: bUser.id })),
      ).rejects.toThrow();
      await expect(
        repos.inClinic(bClinic, (r) => r.screens.saveOverride({ ...a.override, id: randomUUID(), userId: bUser.id })),
      ).rejects.toThrow();
      // Nor may A's own visit be started by B's user.
      await expect(
        repos.inClinic(a.clinicId, (r) =>
          r.visits.create({ patientId: a.patientId, startedAt: NOW, startedBy: bUser.id }),
        ),
      ).rejects.toThrow();
      expect(await repos.inClinic(a.clinicId, (r) => r.screens.overridesOf(a.screened.screenId))).toEqual([a.override]);
    });
  });
}
