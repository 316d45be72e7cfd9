// The clinic's screening policy as a versioned setting (issue 3, item 2: "Clinic settings ... are
// records too, changed through the API by clinic admins and audited"). Each change is a new
// version; the current one is the highest. The database keeps them in clinic_settings (one row per
// change, carrying the other settings forward); memory-repositories.ts is the twin.
import type { ScreeningPolicy } from '@knotwork/core';

export interface PolicySettings {
  /** 0 for the contract's defaults, never changed; then 1, 2, ... : the ETag of the setting. */
  readonly settingsVersion: number;
  readonly policy: ScreeningPolicy;
  readonly changedAt: number | null;
  readonly changedBy: string | null;
  readonly reason: string | null;
}

export interface PolicyChange {
  readonly policy: ScreeningPolicy;
  readonly changedBy: string;
  readonly at: number;
  readonly reason: string | null;
}

export interface PolicySettingsStore {
  current(): Promise<PolicySettings>;
  /** Saves a new version only if the current one is `expectedVersion`; 'stale' otherwise (no write). */
  save(expectedVersion: number, change: PolicyChange): Promise<PolicySettings | 'stale'>;
}
