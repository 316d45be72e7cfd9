// Reading and changing the follow-up schedule and the observation time (clinic admins change them;
// clinical roles and admins read them). A change is validated by the core (every bad field named),
// made only from the settings version the admin read (If-Match), saved as a new version that carries
// every other setting forward, and audited with the value before and after. The screening policy's
// twin is screening-policy-settings.ts.
import {
  resolveFollowUpSchedule,
  resolveObservationMinutes,
  type FollowUpSchedule,
  type SettingIssue,
  type SettingResult,
} from '@knotwork/core';
import { auditAs, type Actor, type UseCaseFailure } from '../actor.js';
import type { ClinicRepositories } from '../ports.js';
import type { AftercareSettings, AftercareValues } from './aftercare-settings.js';

type Repos = Pick<ClinicRepositories, 'aftercareSettings' | 'audit'>;

export type AftercareSetting = 'follow-up-schedule' | 'observation-time';

interface SettingKind<T> {
  readonly name: string;
  readonly resolve: (input: unknown) => SettingResult<T>;
  readonly get: (values: AftercareValues) => T;
  readonly set: (values: AftercareValues, value: T) => AftercareValues;
}

const FOLLOW_UP: SettingKind<FollowUpSchedule> = {
  name: 'follow-up schedule',
  resolve: resolveFollowUpSchedule,
  get: (v) => v.followUpSchedule,
  set: (v, followUpSchedule) => ({ ...v, followUpSchedule }),
};

const OBSERVATION: SettingKind<number> = {
  name: 'observation time',
  resolve: (input) => resolveObservationMinutes(input),
  get: (v) => v.observationMinutes,
  set: (v, observationMinutes) => ({ ...v, observationMinutes }),
};

export async function readAftercareSetting(
  input: { readonly setting: AftercareSetting; readonly actor: Actor; readonly at: number },
  repos: Repos,
): Promise<AftercareSettings> {
  const settings = await repos.aftercareSettings.current();
  await repos.audit.record(
    auditAs(input.actor, input.at, {
      action: `settings.${input.setting}.read`,
      entity: null,
      patientId: null,
      outcome: 'success',
      detail: { settingsVersion: settings.settingsVersion },
    }),
  );
  return settings;
}

async function changeAftercareSetting<T>(
  setting: AftercareSetting,
  kind: SettingKind<T>,
  input: {
    /** The new value as the caller sent it: checked here by the core. */
    readonly value: unknown;
    readonly reason: string | null;
    /** The settings versions the caller's If-Match names. */
    readonly ifVersions: readonly number[];
    readonly actor: Actor;
    readonly at: number;
  },
  repos: Repos,
): Promise<{ readonly ok: true; readonly settings: AftercareSettings } | UseCaseFailure> {
  const { actor, at } = input;
  const record = (outcome: 'success' | 'failed', detail: Record<string, unknown>) =>
    repos.audit.record(
      auditAs(actor, at, { action: `settings.${setting}.update`, entity: null, patientId: null, outcome, detail }),
    );
  const resolved = kind.resolve(input.value);
  if (!resolved.ok) {
    await record('failed', { reason: 'invalid', fields: resolved.issues.map((i) => i.path) });
    const issues = resolved.issues.map((i: SettingIssue) => ({
      path: i.path === '$' ? '' : i.path,
      message: i.message,
      code: i.code,
    }));
    return { ok: false, code: 'validation-failed', detail: `the ${kind.name} has ${issues.length} problem(s)`, issues };
  }
  const current = await repos.aftercareSettings.current();
  const stale = (): UseCaseFailure => ({
    ok: false,
    code: 'precondition-failed',
    detail: `the clinic's settings are at version ${current.settingsVersion}, not ${input.ifVersions.join(' or ')}: read them again`,
  });
  if (!input.ifVersions.includes(current.settingsVersion)) {
    await record('failed', { reason: 'stale', settingsVersion: current.settingsVersion });
    return stale();
  }
  const values = kind.set(current, resolved.value);
  const saved = await repos.aftercareSettings.save(current.settingsVersion, {
    ...values,
    changedBy: actor.userId,
    at,
    reason: input.reason,
  });
  if (saved === 'stale') {
    await record('failed', { reason: 'stale' });
    return stale();
  }
  await record('success', {
    settingsVersion: saved.settingsVersion,
    previousSettingsVersion: current.settingsVersion,
    before: kind.get(current),
    after: kind.get(saved),
    ...(input.reason ? { reason: input.reason } : {}),
  });
  return { ok: true, settings: saved };
}

type ChangeInput = Parameters<typeof changeAftercareSetting>[2];

/** `value`: `{ points: [...] }`, a follow-up schedule. */
export const changeFollowUpSchedule = (input: ChangeInput, repos: Repos) =>
  changeAftercareSetting('follow-up-schedule', FOLLOW_UP, input, repos);

/** `value`: whole minutes. */
export const changeObservationTime = (input: ChangeInput, repos: Repos) =>
  changeAftercareSetting('observation-time', OBSERVATION, input, repos);
