// Every current clinic setting at once (clinical roles and admins): the settings version, the
// screening policy's version label, the follow-up schedule and the observation time, each marked
// when it equals Knotwork's default. Read in one transaction, so all of it is of one version.
import { DEFAULT_POLICY, sameFollowUpSchedule } from '@knotwork/core';
import { auditAs, type Actor } from '../actor.js';
import type { ClinicRepositories } from '../ports.js';
import { DEFAULT_AFTERCARE, type AftercareSettings, type AftercareValues } from './aftercare-settings.js';
import type { PolicySettings } from './policy-settings.js';

export interface ClinicSettings {
  readonly policy: PolicySettings;
  readonly aftercare: AftercareSettings;
  readonly defaults: {
    readonly screeningPolicy: boolean;
    readonly followUpSchedule: boolean;
    readonly observationTime: boolean;
  };
}

export const isDefaultFollowUpSchedule = (a: AftercareValues): boolean =>
  sameFollowUpSchedule(a.followUpSchedule, DEFAULT_AFTERCARE.followUpSchedule);

export const isDefaultObservationTime = (a: AftercareValues): boolean =>
  a.observationMinutes === DEFAULT_AFTERCARE.observationMinutes;

/** Whether each setting has Knotwork's default value (never set, or set back to it). */
export function defaultsOf(policy: PolicySettings, aftercare: AftercareValues): ClinicSettings['defaults'] {
  return {
    screeningPolicy: policy.policy.version === DEFAULT_POLICY.version,
    followUpSchedule: isDefaultFollowUpSchedule(aftercare),
    observationTime: isDefaultObservationTime(aftercare),
  };
}

export async function readClinicSettings(
  input: { readonly actor: Actor; readonly at: number },
  repos: Pick<ClinicRepositories, 'policySettings' | 'aftercareSettings' | 'audit'>,
): Promise<ClinicSettings> {
  const policy = await repos.policySettings.current();
  const aftercare = await repos.aftercareSettings.current();
  await repos.audit.record(
    auditAs(input.actor, input.at, {
      action: 'settings.read',
      entity: null,
      patientId: null,
      outcome: 'success',
      detail: { settingsVersion: aftercare.settingsVersion },
    }),
  );
  return { policy, aftercare, defaults: defaultsOf(policy, aftercare) };
}
