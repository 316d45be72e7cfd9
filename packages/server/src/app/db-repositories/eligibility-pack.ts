// The repeat-eligibility pack choice on the database: clinic_settings.eligibility_pack of the latest
// version (null: never set, the default pack). A change is a new version carrying the policy and
// the aftercare settings forward, as theirs carry this one.
import { DEFAULT_POLICY } from '@knotwork/core';
import { desc, eq } from 'drizzle-orm';
import type { KnotworkTx } from '../../db/index.js';
import { clinicSettings } from '../../db/schema.js';
import type { EligibilityPackSetting, EligibilityPackStore } from '../follow-ups/eligibility-pack-setting.js';

type Row = typeof clinicSettings.$inferSelect;

const settingOf = (row: Row): EligibilityPackSetting => ({
  settingsVersion: row.settingsVersion,
  changedAt: row.createdAt.getTime(),
  changedBy: row.changedBy,
  reason: row.changeReason,
  stored: row.eligibilityPack ?? null,
});

export function eligibilityPackStore(tx: KnotworkTx, clinicId: string): EligibilityPackStore {
  const latest = async () =>
    (
      await tx
        .select()
        .from(clinicSettings)
        .where(eq(clinicSettings.clinicId, clinicId))
        .orderBy(desc(clinicSettings.settingsVersion))
        .limit(1)
    )[0];
  return {
    current: async () => {
      const row = await latest();
      return row
        ? settingOf(row)
        : { settingsVersion: 0, changedAt: null, changedBy: null, reason: null, stored: null };
    },
    save: async (expectedVersion, change) => {
      const current = await latest();
      if ((current?.settingsVersion ?? 0) !== expectedVersion) return 'stale';
      const [row] = await tx
        .insert(clinicSettings)
        .values({
          clinicId,
          settingsVersion: expectedVersion + 1,
          policyVersion: current?.policyVersion ?? DEFAULT_POLICY.version,
          policyValues: current?.policyValues ?? DEFAULT_POLICY.values,
          followUpSchedule: current?.followUpSchedule ?? {},
          observationMinutes: current?.observationMinutes ?? 0,
          eligibilityPack: change.stored,
          changedBy: change.changedBy,
          changeReason: change.reason,
          createdAt: new Date(change.at),
        })
        .onConflictDoNothing({ target: [clinicSettings.clinicId, clinicSettings.settingsVersion] })
        .returning();
      return row ? settingOf(row) : 'stale';
    },
  };
}
