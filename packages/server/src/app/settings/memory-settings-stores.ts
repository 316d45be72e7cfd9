// The in-memory twin of the clinic_settings rows: one list of versions per clinic, each carrying
// every setting, read by the screening policy store and the aftercare store alike (see
// memory-repositories.ts). A version without `aftercare` was saved before the clinic set it, as a
// database row from before these settings is: it reads as the defaults.
import { DEFAULT_POLICY } from '@knotwork/core';
import {
  DEFAULT_AFTERCARE,
  type AftercareSettings,
  type AftercareSettingsStore,
  type AftercareValues,
} from './aftercare-settings.js';
import type { PolicySettings, PolicySettingsStore } from './policy-settings.js';
import type { EligibilityPackSetting, EligibilityPackStore } from '../follow-ups/eligibility-pack-setting.js';

export interface MemorySettingsVersion extends PolicySettings {
  readonly aftercare?: AftercareValues;
  /** The repeat-eligibility pack choice (follow-ups/eligibility-pack-setting.ts); absent: never set. */
  readonly eligibilityPack?: unknown;
}

const NEVER_CHANGED = { settingsVersion: 0, changedAt: null, changedBy: null, reason: null } as const;

export function memoryPolicySettingsStore(versions: MemorySettingsVersion[]): PolicySettingsStore {
  const current = (): PolicySettings => {
    const { settingsVersion, policy, changedAt, changedBy, reason } = versions.at(-1) ?? {
      ...NEVER_CHANGED,
      policy: DEFAULT_POLICY,
    };
    return { settingsVersion, policy, changedAt, changedBy, reason };
  };
  return {
    current: () => Promise.resolve(current()),
    save: (expectedVersion, change) => {
      const latest = versions.at(-1);
      if ((latest?.settingsVersion ?? 0) !== expectedVersion) return Promise.resolve('stale' as const);
      versions.push({
        ...(latest?.aftercare ? { aftercare: latest.aftercare } : {}),
        ...(latest?.eligibilityPack !== undefined ? { eligibilityPack: latest.eligibilityPack } : {}),
        settingsVersion: expectedVersion + 1,
        policy: change.policy,
        changedAt: change.at,
        changedBy: change.changedBy,
        reason: change.reason,
      });
      return Promise.resolve(current());
    },
  };
}

export function memoryAftercareSettingsStore(versions: MemorySettingsVersion[]): AftercareSettingsStore {
  const current = (): AftercareSettings => {
    const latest = versions.at(-1);
    if (!latest) return { ...NEVER_CHANGED, ...DEFAULT_AFTERCARE };
    const { settingsVersion, changedAt, changedBy, reason } = latest;
    return { settingsVersion, ...(latest.aftercare ?? DEFAULT_AFTERCARE), changedAt, changedBy, reason };
  };
  return {
    current: () => Promise.resolve(current()),
    save: (expectedVersion, change) => {
      const latest = versions.at(-1);
      if ((latest?.settingsVersion ?? 0) !== expectedVersion) return Promise.resolve('stale' as const);
      versions.push({
        settingsVersion: expectedVersion + 1,
        policy: latest?.policy ?? DEFAULT_POLICY,
        aftercare: { followUpSchedule: change.followUpSchedule, observationMinutes: change.observationMinutes },
        ...(latest?.eligibilityPack !== undefined ? { eligibilityPack: latest.eligibilityPack } : {}),
        changedAt: change.at,
        changedBy: change.changedBy,
        reason: change.reason,
      });
      return Promise.resolve(current());
    },
  };
}

/** The twin of db-repositories/eligibility-pack.ts: the pack choice in the same versions. */
export function memoryEligibilityPackStore(versions: MemorySettingsVersion[]): EligibilityPackStore {
  const current = (): EligibilityPackSetting => {
    const latest = versions.at(-1);
    if (!latest) return { ...NEVER_CHANGED, stored: null };
    const { settingsVersion, changedAt, changedBy, reason } = latest;
    return { settingsVersion, changedAt, changedBy, reason, stored: latest.eligibilityPack ?? null };
  };
  return {
    current: () => Promise.resolve(current()),
    save: (expectedVersion, change) => {
      const latest = versions.at(-1);
      if ((latest?.settingsVersion ?? 0) !== expectedVersion) return Promise.resolve('stale' as const);
      versions.push({
        settingsVersion: expectedVersion + 1,
        policy: latest?.policy ?? DEFAULT_POLICY,
        ...(latest?.aftercare ? { aftercare: latest.aftercare } : {}),
        eligibilityPack: change.stored,
        changedAt: change.at,
        changedBy: change.changedBy,
        reason: change.reason,
      });
      return Promise.resolve(current());
    },
  };
}
