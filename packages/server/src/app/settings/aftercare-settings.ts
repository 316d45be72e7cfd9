// The clinic's aftercare settings as versioned records (issue 3, item 2: "Clinic settings
// (screening policy, versioned; follow-up schedule; observation time) are records too, changed
// through the API by clinic admins and audited"): the follow-up schedule and the observation time.
// They share the settings versions with the screening policy: each change of any setting is one
// new version (a clinic_settings row) that carries the others forward, and its number is the ETag.
// Until a clinic sets them they are the core's defaults; memory-settings-stores.ts is the twin,
// db-repositories/aftercare-settings.ts the database.
import { DEFAULT_FOLLOW_UP_SCHEDULE, DEFAULT_OBSERVATION_MINUTES, type FollowUpSchedule } from '@knotwork/core';

export interface AftercareValues {
  readonly followUpSchedule: FollowUpSchedule;
  /** Minutes of observation after the procedure before discharge. */
  readonly observationMinutes: number;
}

export const DEFAULT_AFTERCARE: AftercareValues = {
  followUpSchedule: DEFAULT_FOLLOW_UP_SCHEDULE,
  observationMinutes: DEFAULT_OBSERVATION_MINUTES,
};

export interface AftercareSettings extends AftercareValues {
  /** The clinic's settings version (shared with the screening policy); 0: nothing ever changed. */
  readonly settingsVersion: number;
  /** Of the settings version: when, by whom and why the clinic's settings last changed. */
  readonly changedAt: number | null;
  readonly changedBy: string | null;
  readonly reason: string | null;
}

export interface AftercareChange extends AftercareValues {
  readonly changedBy: string;
  readonly at: number;
  readonly reason: string | null;
}

export interface AftercareSettingsStore {
  current(): Promise<AftercareSettings>;
  /**
   * Saves both values as a new settings version, carrying the screening policy forward, only if the
   * current version is `expectedVersion`; 'stale' otherwise (no write).
   */
  save(expectedVersion: number, change: AftercareChange): Promise<AftercareSettings | 'stale'>;
}
