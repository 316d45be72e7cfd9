// How long a patient stays under observation after the injections before discharge. No source sets
// a post-TPI observation period (REFERENCE.md 6.1, 10 item 11; reference.json
// aftercare.observation and configurable_policies "post-procedure observation period"), so it is a
// clinic setting, in whole minutes.
import type { SettingIssue, SettingResult } from './setting-issue.js';

/**
 * 30 minutes: the upper end of the reference's recommendation_for_software ("configurable
 * observation period (e.g. 15-30 min)"). LAST usually shows within 1-5 min but can appear up to
 * 60 min [MEDSCAPE_LA], and vasovagal reactions come during or just after the procedure [VVR];
 * no value in the range covers LAST's late tail, so the default takes the longer end and leaves a
 * shorter period to a clinic's deliberate, audited choice. The discharge check and the aftercare
 * instructions cover what comes later (pneumothorax may show hours later [CASE_PTX_NEEDLE]).
 */
export const DEFAULT_OBSERVATION_MINUTES = 30;

/** Four hours: past it a patient is no longer being observed after a procedure but admitted. */
export const OBSERVATION_MINUTES_MAX = 240;

/** Whole minutes, 0 (no observation period) to OBSERVATION_MINUTES_MAX. */
export function resolveObservationMinutes(value: unknown, path = 'minutes'): SettingResult<number> {
  const issue = (code: SettingIssue['code'], message: string): SettingResult<number> => ({
    ok: false,
    issues: [{ code, path, message }],
  });
  if (typeof value !== 'number' || !Number.isFinite(value)) return issue('wrong-type', `${path} must be a number`);
  if (!Number.isInteger(value)) return issue('wrong-type', `${path} must be whole minutes, not ${value}`);
  if (value < 0 || value > OBSERVATION_MINUTES_MAX) {
    return issue('out-of-range', `${path} must be at least 0 and at most ${OBSERVATION_MINUTES_MAX}, not ${value}`);
  }
  return { ok: true, value };
}
