// The follow-up schedule and observation time on the database: the latest clinic_settings row holds
// them (follow_up_schedule as `{ "points": [...] }`, observation_minutes), beside the screening
// policy. A row written before these settings existed (by a policy change) holds `{}` and 0: it
// reads as the defaults, as no row at all does. A stored value the core refuses is an error, never
// a silent fallback to the defaults.
import { DEFAULT_POLICY, resolveFollowUpSchedule, resolveObservationMinutes, type SettingIssue } from '@knotwork/core';
import { desc, eq } from 'drizzle-orm';
import type { KnotworkTx } from '../../db/index.js';
import { clinicSettings } from '../../db/schema.js';
import {
  DEFAULT_AFTERCARE,
  type AftercareSettings,
  type AftercareSettingsStore,
  type AftercareValues,
} from '../settings/aftercare-settings.js';

export class StoredAftercareInvalidError extends Error {
  constructor(
    readonly clinicId: string,
    readonly settingsVersion: number,
    readonly issues: readonly SettingIssue[],
  ) {
    super(
      `clinic ${clinicId} settings version ${settingsVersion} hold a follow-up schedule or observation time the core refuses: ` +
        issues.map((i) => i.message).join('; '),
    );
    this.name = 'StoredAftercareInvalidError';
  }
}

type Row = typeof clinicSettings.$inferSelect;

const isUnset = (schedule: unknown) =>
  schedule !== null && typeof schedule === 'object' && !Array.isArray(schedule) && Object.keys(schedule).length === 0;

function valuesOf(clinicId: string, row: Row): AftercareValues {
  if (isUnset(row.followUpSchedule)) return DEFAULT_AFTERCARE;
  const schedule = resolveFollowUpSchedule(row.followUpSchedule);
  const minutes = resolveObservationMinutes(row.observationMinutes, 'observationMinutes');
  const issues = [...(schedule.ok ? [] : schedule.issues), ...(minutes.ok ? [] : minutes.issues)];
  if (!schedule.ok || !minutes.ok) throw new StoredAftercareInvalidError(clinicId, row.settingsVersion, issues);
  return { followUpSchedule: schedule.value, observationMinutes: minutes.value };
}

function settingsOf(clinicId: string, row: Row): AftercareSettings {
  return {
    settingsVersion: row.settingsVersion,
    ...valuesOf(clinicId, row),
    changedAt: row.createdAt.getTime(),
    changedBy: row.changedBy,
    reason: row.changeReason,
  };
}

async function latestRow(tx: KnotworkTx, clinicId: string): Promise<Row | undefined> {
  const [row] = await tx
    .select()
    .from(clinicSettings)
    .where(eq(clinicSettings.clinicId, clinicId))
    .orderBy(desc(clinicSettings.settingsVersion))
    .limit(1);
  return row;
}

export function aftercareSettingsStore(tx: KnotworkTx, clinicId: string): AftercareSettingsStore {
  return {
    current: async () => {
      const row = await latestRow(tx, clinicId);
      return row
        ? settingsOf(clinicId, row)
        : { settingsVersion: 0, ...DEFAULT_AFTERCARE, changedAt: null, changedBy: null, reason: null };
    },
    save: async (expectedVersion, change) => {
      const current = await latestRow(tx, clinicId);
      if ((current?.settingsVersion ?? 0) !== expectedVersion) return 'stale';
      // As a policy change does (policies.ts): a concurrent change from the same version inserts
      // nothing rather than failing, which would abort the transaction and its audit row.
      const [row] = await tx
        .insert(clinicSettings)
        .values({
          clinicId,
          settingsVersion: expectedVersion + 1,
          policyVersion: current?.policyVersion ?? DEFAULT_POLICY.version,
          policyValues: current?.policyValues ?? DEFAULT_POLICY.values,
          followUpSchedule: { points: change.followUpSchedule.points },
          observationMinutes: change.observationMinutes,
          eligibilityPack: current?.eligibilityPack ?? null,
          changedBy: change.changedBy,
          changeReason: change.reason,
          createdAt: new Date(change.at),
        })
        .onConflictDoNothing({ target: [clinicSettings.clinicId, clinicSettings.settingsVersion] })
        .returning();
      return row ? settingsOf(clinicId, row) : 'stale';
    },
  };
}
