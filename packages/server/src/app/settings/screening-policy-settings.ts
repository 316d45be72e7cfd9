// Reading and changing the clinic's screening policy (clinic admins). A change is validated by the
// core (resolvePolicy: every bad field named), made only from the version the admin read
// (If-Match), saved as a new version and audited with the old and new policy versions.
import { resolvePolicy } from '@knotwork/core';
import { auditAs, type Actor, type UseCaseFailure } from '../actor.js';
import type { ClinicRepositories } from '../ports.js';
import type { PolicySettings } from './policy-settings.js';

type Repos = Pick<ClinicRepositories, 'policySettings' | 'audit'>;

export async function readScreeningPolicy(
  input: { readonly actor: Actor; readonly at: number },
  repos: Repos,
): Promise<PolicySettings> {
  const settings = await repos.policySettings.current();
  await repos.audit.record(
    auditAs(input.actor, input.at, {
      action: 'settings.screening-policy.read',
      entity: null,
      patientId: null,
      outcome: 'success',
      detail: { settingsVersion: settings.settingsVersion, policyVersion: settings.policy.version },
    }),
  );
  return settings;
}

export async function changeScreeningPolicy(
  input: {
    /** The clinic's overrides of the contract's defaults; fields left out take the default. */
    readonly values: unknown;
    readonly reason: string | null;
    /** The settings versions the caller's If-Match names. */
    readonly ifVersions: readonly number[];
    readonly actor: Actor;
    readonly at: number;
  },
  repos: Repos,
): Promise<{ readonly ok: true; readonly settings: PolicySettings } | UseCaseFailure> {
  const { actor, at } = input;
  const record = (outcome: 'success' | 'failed', detail: Record<string, unknown>) =>
    repos.audit.record(
      auditAs(actor, at, {
        action: 'settings.screening-policy.update',
        entity: null,
        patientId: null,
        outcome,
        detail,
      }),
    );
  const resolved = resolvePolicy(input.values);
  if (!resolved.ok) {
    await record('failed', { reason: 'invalid', fields: resolved.issues.map((i) => i.path) });
    const issues = resolved.issues.map((i) => ({
      path: i.path === '$' ? 'values' : `values.${i.path}`,
      message: i.message,
      code: i.code,
    }));
    return { ok: false, code: 'validation-failed', detail: `the policy has ${issues.length} problem(s)`, issues };
  }
  const current = await repos.policySettings.current();
  const stale = (): UseCaseFailure => ({
    ok: false,
    code: 'precondition-failed',
    detail: `the screening policy is at version ${current.settingsVersion}, not ${input.ifVersions.join(' or ')}: read it again`,
  });
  if (!input.ifVersions.includes(current.settingsVersion)) {
    await record('failed', { reason: 'stale', settingsVersion: current.settingsVersion });
    return stale();
  }
  const change = { policy: resolved.policy, changedBy: actor.userId, at, reason: input.reason };
  const saved = await repos.policySettings.save(current.settingsVersion, change);
  if (saved === 'stale') {
    await record('failed', { reason: 'stale' });
    return stale();
  }
  await record('success', {
    settingsVersion: saved.settingsVersion,
    policyVersion: saved.policy.version,
    previousPolicyVersion: current.policy.version,
    ...(input.reason ? { reason: input.reason } : {}),
  });
  return { ok: true, settings: saved };
}
