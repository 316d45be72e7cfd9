// The clinic's settings versions: the follow-up schedule and observation time share them with the
// screening policy. Each change of one is a new version carrying the others forward; a change is
// made only from the current version; each clinic has its own.
import { DEFAULT_POLICY, resolvePolicy, type FollowUpSchedule } from '@knotwork/core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_AFTERCARE } from '../settings/aftercare-settings.js';
import { NOW } from './contract-records.js';
import type { GetSubject } from './repository-contract.js';

const SHORT: FollowUpSchedule = {
  points: [
    { id: 'next-day', label: 'Next day', after: 'P1D', asksPeg: false },
    { id: 'month-1', label: 'Month 1', after: 'P30D', asksPeg: true },
  ],
};

export function describeSettingsContract(get: GetSubject): void {
  describe('aftercare settings', () => {
    it('are the defaults at version 0, then each change is a version carrying the other settings forward', async () => {
      const { repos, seedClinic, seedUser } = get();
      const [clinicId, other] = [await seedClinic(), await seedClinic()];
      const admin = await seedUser(clinicId, { role: 'clinic-admin' });
      const current = () => repos.inClinic(clinicId, (r) => r.aftercareSettings.current());
      expect(await current()).toEqual({
        settingsVersion: 0,
        ...DEFAULT_AFTERCARE,
        changedAt: null,
        changedBy: null,
        reason: null,
      });

      const change = { ...DEFAULT_AFTERCARE, followUpSchedule: SHORT, changedBy: admin.id, at: NOW, reason: 'pilot' };
      const saved = await repos.inClinic(clinicId, (r) => r.aftercareSettings.save(0, change));
      expect(saved).toEqual({
        settingsVersion: 1,
        followUpSchedule: SHORT,
        observationMinutes: DEFAULT_AFTERCARE.observationMinutes,
        changedAt: NOW,
        changedBy: admin.id,
        reason: 'pilot',
      });
      expect(await current()).toEqual(saved);
      expect(await repos.inClinic(clinicId, (r) => r.policySettings.current())).toMatchObject({
        settingsVersion: 1,
        policy: DEFAULT_POLICY,
      });

      const strict = resolvePolicy({ anticoagulantIndicator: 'critical' });
      if (!strict.ok) throw new Error('policy');
      const policyChange = { policy: strict.policy, changedBy: admin.id, at: NOW + 1000, reason: null };
      expect(await repos.inClinic(clinicId, (r) => r.policySettings.save(0, policyChange))).toBe('stale');
      await repos.inClinic(clinicId, (r) => r.policySettings.save(1, policyChange));
      expect(await current()).toMatchObject({ settingsVersion: 2, followUpSchedule: SHORT, reason: null });

      const shorter = { ...change, followUpSchedule: SHORT, observationMinutes: 15, at: NOW + 2000 };
      for (const stale of [0, 1, 3]) {
        expect(await repos.inClinic(clinicId, (r) => r.aftercareSettings.save(stale, shorter))).toBe('stale');
      }
      expect(await repos.inClinic(clinicId, (r) => r.aftercareSettings.save(2, shorter))).toMatchObject({
        settingsVersion: 3,
        observationMinutes: 15,
        followUpSchedule: SHORT,
      });
      expect(await repos.inClinic(clinicId, (r) => r.policies.currentPolicy())).toEqual(strict.policy);
      expect(await repos.inClinic(other, (r) => r.aftercareSettings.current())).toMatchObject({
        settingsVersion: 0,
        ...DEFAULT_AFTERCARE,
      });
    });

    it('a version saved by a policy change before the clinic set them reads as the defaults', async () => {
      const { repos, seedClinic, seedUser } = get();
      const clinicId = await seedClinic();
      const admin = await seedUser(clinicId, { role: 'clinic-admin' });
      const loose = resolvePolicy({ feverCelsius: 38.5 });
      if (!loose.ok) throw new Error('policy');
      await repos.inClinic(clinicId, (r) =>
        r.policySettings.save(0, { policy: loose.policy, changedBy: admin.id, at: NOW, reason: 'local' }),
      );
      expect(await repos.inClinic(clinicId, (r) => r.aftercareSettings.current())).toEqual({
        settingsVersion: 1,
        ...DEFAULT_AFTERCARE,
        changedAt: NOW,
        changedBy: admin.id,
        reason: 'local',
      });
      const zero = { ...DEFAULT_AFTERCARE, observationMinutes: 0, changedBy: admin.id, at: NOW, reason: null };
      await repos.inClinic(clinicId, (r) => r.aftercareSettings.save(1, zero));
      expect(await repos.inClinic(clinicId, (r) => r.aftercareSettings.current())).toMatchObject({
        settingsVersion: 2,
        observationMinutes: 0,
      });
      expect(await repos.inClinic(clinicId, (r) => r.policies.currentPolicy())).toEqual(loose.policy);
    });
  });
}
