// The clinic's screening policy on the database: clinic_settings holds one row per change, the
// current one with the highest settings_version; its policy values are resolved and versioned by
// the core. No row yet means the contract's defaults (settings version 0). A stored policy the core
// refuses is an error, never a silent fallback: screening under another policy than the clinic's
// would be wrong.
import { DEFAULT_POLICY, resolvePolicy, type PolicyIssue, type ScreeningPolicy } from '@knotwork/core';
import { desc, eq } from 'drizzle-orm';
import { rawQueryOf, type Statement } from '../../db/database-internals.js';
import type { KnotworkTx } from '../../db/index.js';
import { clinicSettings } from '../../db/schema.js';
import type { PolicySettings, PolicySettingsStore } from '../settings/policy-settings.js';
import type { PolicyReader } from '../visits/visit-ports.js';

export class StoredPolicyInvalidError extends Error {
  constructor(
    readonly clinicId: string,
    readonly settingsVersion: number,
    readonly issues: readonly PolicyIssue[],
  ) {
    super(
      `clinic ${clinicId} settings version ${settingsVersion} hold a screening policy the core refuses: ` +
        issues.map((i) => i.message).join('; '),
    );
    this.name = 'StoredPolicyInvalidError';
  }
}

/**
 * The other settings of the row, carried forward by a policy change. Before any row exists they
 * have no value yet: an empty follow-up schedule and no observation time (their own settings
 * features will set them).
 */
const UNSET_OTHER_SETTINGS = { followUpSchedule: {}, observationMinutes: 0 } as const;

const DEFAULT_SETTINGS: PolicySettings = {
  settingsVersion: 0,
  policy: DEFAULT_POLICY,
  changedAt: null,
  changedBy: null,
  reason: null,
};

async function latestRow(tx: KnotworkTx, clinicId: string) {
  const [row] = await tx
    .select()
    .from(clinicSettings)
    .where(eq(clinicSettings.clinicId, clinicId))
    .orderBy(desc(clinicSettings.settingsVersion))
    .limit(1);
  return row;
}

function settingsOf(clinicId: string, row: typeof clinicSettings.$inferSelect): PolicySettings {
  const resolved = resolvePolicy(row.policyValues);
  if (!resolved.ok) throw new StoredPolicyInvalidError(clinicId, row.settingsVersion, resolved.issues);
  return {
    settingsVersion: row.settingsVersion,
    policy: resolved.policy,
    changedAt: row.createdAt.getTime(),
    changedBy: row.changedBy,
    reason: row.changeReason,
  };
}

async function currentSettings(tx: KnotworkTx, clinicId: string): Promise<PolicySettings> {
  const row = await latestRow(tx, clinicId);
  return row ? settingsOf(clinicId, row) : DEFAULT_SETTINGS;
}

export async function readPolicy(tx: KnotworkTx, clinicId: string): Promise<ScreeningPolicy> {
  return (await currentSettings(tx, clinicId)).policy;
}

// The current policy on the hot path (every screen, every documented visit): one prepared read,
// sent with the transaction's opening or beside the chart read, and the policy the core resolves
// from the stored values kept by those values (a settings row is never changed, only followed by
// the next version), so a request does not resolve and hash it again.
const POLICY_READ: Statement = {
  name: 'knotwork_policy_read',
  text: 'select settings_version, policy_values from clinic_settings where clinic_id = $1 order by settings_version desc limit 1',
  readOnly: true,
};
const RESOLVED_KEPT = 64;
const resolvedPolicies = new Map<string, ScreeningPolicy>();

async function readPolicyFast(tx: KnotworkTx, clinicId: string): Promise<ScreeningPolicy> {
  const raw = rawQueryOf(tx);
  if (!raw) return readPolicy(tx, clinicId);
  const [row] = await raw<{ settings_version: number; policy_values: unknown }>(POLICY_READ, [clinicId]);
  if (!row) return DEFAULT_POLICY;
  const values = typeof row.policy_values === 'string' ? row.policy_values : JSON.stringify(row.policy_values);
  const kept = resolvedPolicies.get(values);
  if (kept) return kept;
  const resolved = resolvePolicy(JSON.parse(values) as unknown);
  if (!resolved.ok) throw new StoredPolicyInvalidError(clinicId, row.settings_version, resolved.issues);
  if (resolvedPolicies.size >= RESOLVED_KEPT) resolvedPolicies.clear();
  resolvedPolicies.set(values, resolved.policy);
  return resolved.policy;
}

export function policyReader(tx: KnotworkTx, clinicId: string): PolicyReader {
  return { currentPolicy: () => readPolicyFast(tx, clinicId) };
}

export function policySettingsStore(tx: KnotworkTx, clinicId: string): PolicySettingsStore {
  return {
    current: () => currentSettings(tx, clinicId),
    save: async (expectedVersion, change) => {
      const current = await latestRow(tx, clinicId);
      if ((current?.settingsVersion ?? 0) !== expectedVersion) return 'stale';
      // A concurrent change from the same version inserts the same settings_version: the loser
      // inserts nothing (rather than failing, which would abort the transaction and its audit row).
      const [row] = await tx
        .insert(clinicSettings)
        .values({
          clinicId,
          settingsVersion: expectedVersion + 1,
          policyVersion: change.policy.version,
          policyValues: change.policy.values,
          followUpSchedule: current?.followUpSchedule ?? UNSET_OTHER_SETTINGS.followUpSchedule,
          observationMinutes: current?.observationMinutes ?? UNSET_OTHER_SETTINGS.observationMinutes,
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
