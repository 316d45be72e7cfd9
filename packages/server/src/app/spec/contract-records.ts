// Visits, charts and the screening policy.
import { randomUUID } from 'node:crypto';
import { DEFAULT_POLICY, resolvePolicy } from '@knotwork/core';
import { describe, expect, it } from 'vitest';
import { demoPatients } from '../../demo/demo-charts.js';
import { expectSameChartContent } from './chart-content.js';
import type { ClinicRepositories } from '../ports.js';
import type { PolicySettingsStore } from '../settings/policy-settings.js';
import { newPatient } from './contract-patients.js';
import type { GetSubject } from './repository-contract.js';

export const NOW = Date.parse('2026-11-27T10:00:00Z');

/** ClinicRepositories.policySettings is optional in ports.ts for now; every implementation here has it. */
export function settingsOf(r: ClinicRepositories): PolicySettingsStore {
  if (!r.policySettings) throw new Error('these repositories have no policySettings store');
  return r.policySettings;
}

export function describeRecordContract(get: GetSubject): void {
  describe('visits', () => {
    it('starts a visit in progress and reads it back; unknown ids are undefined', async () => {
      const { repos, seedClinic, seedUser } = get();
      const clinicId = await seedClinic();
      const user = await seedUser(clinicId);
      const visit = await repos.inClinic(clinicId, async (r) => {
        const patient = await r.patients.create(newPatient('Visitor', ['Vera']));
        return r.visits.create({ patientId: patient.id, startedAt: NOW, startedBy: user.id });
      });
      expect(visit).toMatchObject({ startedAt: NOW, startedBy: user.id, status: 'in-progress' });
      expect(await repos.inClinic(clinicId, (r) => r.visits.get(visit.id))).toEqual(visit);
      expect(await repos.inClinic(clinicId, (r) => r.visits.get(randomUUID()))).toBeUndefined();
      expect(await repos.inClinic(clinicId, (r) => r.visits.get('v1'))).toBeUndefined();
    });

    it('ends a visit once, at the revision read: finished or cancelled with its reason', async () => {
      const { repos, seedClinic, seedUser } = get();
      const clinicId = await seedClinic();
      const user = await seedUser(clinicId);
      const [done, stopped] = await repos.inClinic(clinicId, async (r) => {
        const patient = await r.patients.create(newPatient('Ender', ['Eve']));
        const start = { patientId: patient.id, startedAt: NOW, startedBy: user.id };
        return [await r.visits.create(start), await r.visits.create(start)];
      });
      expect(done).toMatchObject({ status: 'in-progress', endedAt: null, endReason: null, revision: 1 });
      const later = NOW + 3_600_000;
      const finished = await repos.inClinic(clinicId, (r) =>
        r.visits.end(done.id, 1, { status: 'finished', endedAt: later, reason: null }),
      );
      expect(finished).toEqual({ ...done, status: 'finished', endedAt: later, endReason: null, revision: 2 });
      expect(await repos.inClinic(clinicId, (r) => r.visits.get(done.id))).toEqual(finished);
      // Ended already, or at another revision: nothing changes.
      expect(
        await repos.inClinic(clinicId, (r) =>
          r.visits.end(done.id, 2, { status: 'cancelled', endedAt: later, reason: 'x' }),
        ),
      ).toBe('stale');
      expect(
        await repos.inClinic(clinicId, (r) =>
          r.visits.end(stopped.id, 7, { status: 'cancelled', endedAt: later, reason: 'patient declined' }),
        ),
      ).toBe('stale');
      const cancelled = await repos.inClinic(clinicId, (r) =>
        r.visits.end(stopped.id, 1, { status: 'cancelled', endedAt: later, reason: 'patient declined' }),
      );
      expect(cancelled).toMatchObject({
        status: 'cancelled',
        endedAt: later,
        endReason: 'patient declined',
        revision: 2,
      });
      expect(await repos.inClinic(clinicId, (r) => r.visits.get(done.id))).toEqual(finished);
      expect(
        await repos.inClinic(clinicId, (r) =>
          r.visits.end(randomUUID(), 1, { status: 'finished', endedAt: later, reason: null }),
        ),
      ).toBeUndefined();
      // Another clinic does not see the visit.
      const other = await seedClinic();
      expect(
        await repos.inClinic(other, (r) =>
          r.visits.end(stopped.id, 2, { status: 'finished', endedAt: later, reason: null }),
        ),
      ).toBeUndefined();
    });

    it('refuses a visit for a patient it does not have', async () => {
      const { repos, seedClinic, seedUser } = get();
      const clinicId = await seedClinic();
      const user = await seedUser(clinicId);
      await expect(
        repos.inClinic(clinicId, (r) =>
          r.visits.create({ patientId: randomUUID(), startedAt: NOW, startedBy: user.id }),
        ),
      ).rejects.toThrow();
    });
  });

  describe('charts', () => {
    it('reads back every demo chart as it was written', async () => {
      const { repos, seedClinic, seedChart } = get();
      const clinicId = await seedClinic();
      for (const { chart } of demoPatients(NOW)) {
        const patientId = await seedChart(clinicId, chart);
        const read = await repos.inClinic(clinicId, (r) => r.charts.loadChart(patientId));
        expect(read?.patient.id).toBe(patientId);
        if (read) expectSameChartContent(read, chart);
      }
    });

    it('a new patient has an empty chart, never reviewed; the chart follows patient updates', async () => {
      const { repos, seedClinic, seedChart } = get();
      const clinicId = await seedClinic();
      const created = await repos.inClinic(clinicId, (r) => r.patients.create(newPatient('Blank', ['Bea'])));
      expect(await repos.inClinic(clinicId, (r) => r.charts.loadChart(created.id))).toEqual({
        patient: {
          id: created.id,
          identifiers: created.identifiers,
          family: 'Blank',
          given: ['Bea'],
          birthDate: '1970-01-01',
          sex: 'female',
        },
        allergiesReviewedAt: null,
        medicationsReconciledAt: null,
        conditions: [],
        allergies: [],
        medicines: [],
        observations: [],
        administrations: [],
      });
      const demo = demoPatients(NOW)[1];
      if (!demo) throw new Error('no demo patient');
      const patientId = await seedChart(clinicId, demo.chart);
      const summary = await repos.inClinic(clinicId, (r) => r.patients.get(patientId));
      await repos.inClinic(clinicId, (r) =>
        r.patients.update(patientId, summary?.revision ?? 0, {
          ...newPatient('Hartley-Renamed', ['Ben']),
          identifiers: summary?.identifiers ?? [],
        }),
      );
      const chart = await repos.inClinic(clinicId, (r) => r.charts.loadChart(patientId));
      expect(chart?.patient.family).toBe('Hartley-Renamed');
      expect(chart?.allergies).toHaveLength(2);
      expect(await repos.inClinic(clinicId, (r) => r.charts.loadChart(randomUUID()))).toBeUndefined();
      expect(await repos.inClinic(clinicId, (r) => r.charts.loadChart('pat-1'))).toBeUndefined();
    });
  });

  describe('screening policy', () => {
    it("is the contract's default until the clinic saves one; then the latest version, changed only from the current one", async () => {
      const { repos, seedClinic, seedUser } = get();
      const clinicId = await seedClinic();
      const admin = await seedUser(clinicId, { role: 'clinic-admin' });
      expect(await repos.inClinic(clinicId, (r) => r.policies.currentPolicy())).toEqual(DEFAULT_POLICY);
      expect(await repos.inClinic(clinicId, (r) => settingsOf(r).current())).toEqual({
        settingsVersion: 0,
        policy: DEFAULT_POLICY,
        changedAt: null,
        changedBy: null,
        reason: null,
      });
      const strict = resolvePolicy({ anticoagulantIndicator: 'critical' });
      const loose = resolvePolicy({ feverCelsius: 38.5 });
      if (!strict.ok || !loose.ok) throw new Error('policy');
      const change = { policy: strict.policy, changedBy: admin.id, at: NOW, reason: 'board decision' };
      const saved = await repos.inClinic(clinicId, (r) => settingsOf(r).save(0, change));
      expect(saved).toEqual({
        settingsVersion: 1,
        policy: strict.policy,
        changedAt: NOW,
        changedBy: admin.id,
        reason: 'board decision',
      });
      expect(await repos.inClinic(clinicId, (r) => r.policies.currentPolicy())).toEqual(strict.policy);
      expect(await repos.inClinic(clinicId, (r) => settingsOf(r).save(0, { ...change, policy: loose.policy }))).toBe(
        'stale',
      );
      expect(await repos.inClinic(clinicId, (r) => settingsOf(r).save(2, { ...change, policy: loose.policy }))).toBe(
        'stale',
      );
      await repos.inClinic(clinicId, (r) => settingsOf(r).save(1, { ...change, policy: loose.policy, reason: null }));
      expect(await repos.inClinic(clinicId, (r) => settingsOf(r).current())).toMatchObject({
        settingsVersion: 2,
        policy: loose.policy,
        reason: null,
      });
    });
  });
}
