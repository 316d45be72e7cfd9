// The zod shapes of the clinic settings' API: every setting at once, the follow-up schedule and the
// observation time. The shapes are checked here; the values (ids, durations, order, ranges) by the
// core, which names each bad field (`$.points[2].after`, `$.minutes`).
import { durationMinutes, FOLLOW_UP_POINTS_MAX, OBSERVATION_MINUTES_MAX, type FollowUpSchedule } from '@knotwork/core';
import { z } from 'zod';
import type { AftercareSettings } from '../../app/settings/aftercare-settings.js';
import {
  isDefaultFollowUpSchedule,
  isDefaultObservationTime,
  type ClinicSettings,
} from '../../app/settings/clinic-settings.js';

const Reason = z.string().trim().min(1).max(500).optional().describe('Why the setting changes, for the audit log');

const FollowUpPointInput = z.strictObject({
  id: z.string().describe('A slug, unique in the schedule: lower-case letters and digits joined by hyphens'),
  label: z.string().describe('What staff and patients see, 1 to 80 characters'),
  after: z
    .string()
    .describe('After the note is signed: an ISO 8601 duration in weeks (P2W) or days, hours, minutes (P1DT12H)')
    .meta({ examples: ['PT6H', 'P1D', 'P2W'] }),
  asksPeg: z.boolean().optional().describe('Whether this contact asks the PEG items; false when left out'),
});

export const FollowUpScheduleChange = z
  .strictObject({
    points: z
      .array(FollowUpPointInput)
      .describe(`1 to ${FOLLOW_UP_POINTS_MAX} points, offsets strictly increasing, more than 0 and at most P365D`),
    reason: Reason,
  })
  .meta({ id: 'FollowUpScheduleChange' });

export const ObservationTimeChange = z
  .strictObject({
    minutes: z.number().describe(`Whole minutes of observation before discharge, 0 to ${OBSERVATION_MINUTES_MAX}`),
    reason: Reason,
  })
  .meta({ id: 'ObservationTimeChange' });

const FollowUpPoint = z
  .object({
    id: z.string(),
    label: z.string(),
    after: z.string().describe('ISO 8601 duration after the note is signed'),
    afterMinutes: z.number().int().describe('The same offset in minutes'),
    asksPeg: z.boolean(),
  })
  .meta({ id: 'FollowUpPoint' });

const Version = {
  settingsVersion: z
    .number()
    .int()
    .describe('The clinic’s settings version (all settings share it); the ETag is "<n>"'),
  changedAt: z.iso.datetime().nullable().describe('When the settings version was made (any setting’s change)'),
  changedBy: z.string().nullable(),
  reason: z.string().nullable(),
};

const isDefault = z.boolean().describe('Equal to Knotwork’s default');

export const FollowUpScheduleView = z
  .object({ ...Version, points: z.array(FollowUpPoint), isDefault })
  .meta({ id: 'FollowUpScheduleSetting' });

export const ObservationTimeView = z
  .object({ ...Version, minutes: z.number().int(), isDefault })
  .meta({ id: 'ObservationTimeSetting' });

export const ClinicSettingsView = z
  .object({
    ...Version,
    screeningPolicy: z.object({ policyVersion: z.string(), isDefault }),
    followUpSchedule: z.object({ points: z.array(FollowUpPoint), isDefault }),
    observationTime: z.object({ minutes: z.number().int(), isDefault }),
  })
  .meta({ id: 'ClinicSettings' });

const pointsOf = (schedule: FollowUpSchedule) =>
  schedule.points.map((p) => ({ ...p, afterMinutes: durationMinutes(p.after) ?? 0 }));

const versionOf = (s: AftercareSettings) => ({
  settingsVersion: s.settingsVersion,
  changedAt: s.changedAt === null ? null : new Date(s.changedAt).toISOString(),
  changedBy: s.changedBy,
  reason: s.reason,
});

export const followUpView = (s: AftercareSettings) => ({
  ...versionOf(s),
  points: pointsOf(s.followUpSchedule),
  isDefault: isDefaultFollowUpSchedule(s),
});

export const observationView = (s: AftercareSettings) => ({
  ...versionOf(s),
  minutes: s.observationMinutes,
  isDefault: isDefaultObservationTime(s),
});

export const clinicSettingsView = (s: ClinicSettings) => ({
  ...versionOf(s.aftercare),
  screeningPolicy: { policyVersion: s.policy.policy.version, isDefault: s.defaults.screeningPolicy },
  followUpSchedule: { points: pointsOf(s.aftercare.followUpSchedule), isDefault: s.defaults.followUpSchedule },
  observationTime: { minutes: s.aftercare.observationMinutes, isDefault: s.defaults.observationTime },
});
