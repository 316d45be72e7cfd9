// The clinic's repeat-eligibility rule pack (issue 6 item 4), a versioned clinic setting like the
// screening policy and the aftercare settings: a change is a new clinic_settings version carrying
// the others forward (and they carry it). Stored as `{ packId }` for a pack of the core
// (ELIGIBILITY_PACKS: Medicare, the default, and eviCore) or `{ packId: 'clinic', pack }` for the
// clinic's own, checked by the core's resolveEligibilityPack. Read by clinical roles and admins,
// changed by clinic admins under If-Match, audited as settings.eligibility-pack.read/change.
import {
  DEFAULT_ELIGIBILITY_PACK,
  ELIGIBILITY_PACKS,
  resolveEligibilityPack,
  type EligibilityPack,
  type SettingIssue,
} from '@knotwork/core';
import { auditAs, type Actor, type UseCaseFailure } from '../actor.js';
import type { ClinicRepositories } from '../ports.js';

export const CLINIC_PACK_ID = 'clinic';

export interface EligibilityPackSetting {
  readonly settingsVersion: number;
  readonly changedAt: number | null;
  readonly changedBy: string | null;
  readonly reason: string | null;
  /** The stored choice; null: never set (the default pack). */
  readonly stored: unknown;
}

export interface EligibilityPackStore {
  current(): Promise<EligibilityPackSetting>;
  /** A new settings version with `stored`, only from `expectedVersion`; 'stale' otherwise. */
  save(
    expectedVersion: number,
    change: {
      readonly stored: unknown;
      readonly changedBy: string;
      readonly at: number;
      readonly reason: string | null;
    },
  ): Promise<EligibilityPackSetting | 'stale'>;
}

/** The pack a stored choice names; the default when none. */
export function packOf(stored: unknown): { ok: true; pack: EligibilityPack } | { ok: false; issues: SettingIssue[] } {
  if (stored === null || stored === undefined) return { ok: true, pack: DEFAULT_ELIGIBILITY_PACK };
  const { packId, pack } = stored as { packId?: unknown; pack?: unknown };
  const builtIn = ELIGIBILITY_PACKS.find((p) => p.id === packId);
  if (builtIn) return { ok: true, pack: builtIn };
  if (packId === CLINIC_PACK_ID) {
    const resolved = resolveEligibilityPack(pack);
    return resolved.ok ? { ok: true, pack: resolved.value } : { ok: false, issues: resolved.issues };
  }
  return {
    ok: false,
    issues: [
      {
        code: 'not-allowed',
        path: 'packId',
        message: `packId must be one of ${[...ELIGIBILITY_PACKS.map((p) => p.id), CLINIC_PACK_ID].join(', ')}`,
      },
    ],
  };
}

export async function currentEligibilityPack(
  repos: Pick<ClinicRepositories, 'eligibilityPack'>,
): Promise<EligibilityPack> {
  const result = packOf((await repos.eligibilityPack.current()).stored);
  // A stored pack the core refuses cannot be saved (changeEligibilityPack checks it first).
  if (!result.ok) throw new Error(`stored eligibility pack refused: ${result.issues.map((i) => i.message).join('; ')}`);
  return result.pack;
}

type Repos = Pick<ClinicRepositories, 'eligibilityPack' | 'audit'>;

export interface EligibilityPackView extends Omit<EligibilityPackSetting, 'stored'> {
  readonly packId: string;
  readonly pack: EligibilityPack;
  readonly isDefault: boolean;
}

function viewOf(s: EligibilityPackSetting): EligibilityPackView {
  const result = packOf(s.stored);
  const pack = result.ok ? result.pack : DEFAULT_ELIGIBILITY_PACK;
  const { stored, ...rest } = s;
  const packId = (stored as { packId?: string } | null)?.packId ?? pack.id;
  return { ...rest, packId, pack, isDefault: stored === null || pack.id === DEFAULT_ELIGIBILITY_PACK.id };
}

export async function readEligibilityPack(
  input: { readonly actor: Actor; readonly at: number },
  repos: Repos,
): Promise<EligibilityPackView> {
  const view = viewOf(await repos.eligibilityPack.current());
  await repos.audit.record(
    auditAs(input.actor, input.at, {
      action: 'settings.eligibility-pack.read',
      entity: null,
      patientId: null,
      outcome: 'success',
    }),
  );
  return view;
}

export async function changeEligibilityPack(
  input: {
    readonly packId: string;
    readonly pack?: unknown;
    readonly reason: string | null;
    readonly ifVersions: readonly number[];
    readonly actor: Actor;
    readonly at: number;
  },
  repos: Repos,
): Promise<{ readonly ok: true; readonly setting: EligibilityPackView } | UseCaseFailure> {
  const stored =
    input.packId === CLINIC_PACK_ID ? { packId: input.packId, pack: input.pack } : { packId: input.packId };
  const checked = packOf(stored);
  let result: { ok: true; setting: EligibilityPackView } | UseCaseFailure;
  const current = await repos.eligibilityPack.current();
  if (!checked.ok) {
    result = {
      ok: false,
      code: 'validation-failed',
      detail: checked.issues.map((i) => i.message).join('; '),
      issues: checked.issues.map((i) => ({
        path: i.path === '$' || i.path === 'packId' ? i.path.replace('$', 'pack') : `pack.${i.path}`,
        message: i.message,
        code: i.code,
      })),
    };
  } else if (!input.ifVersions.includes(current.settingsVersion)) {
    result = { ok: false, code: 'precondition-failed', detail: 'the settings changed since you read them' };
  } else {
    const saved = await repos.eligibilityPack.save(current.settingsVersion, {
      stored: input.packId === CLINIC_PACK_ID ? { packId: CLINIC_PACK_ID, pack: checked.pack } : stored,
      changedBy: input.actor.userId,
      at: input.at,
      reason: input.reason,
    });
    result =
      saved === 'stale'
        ? { ok: false, code: 'precondition-failed', detail: 'the settings changed since you read them' }
        : { ok: true, setting: viewOf(saved) };
  }
  await repos.audit.record(
    auditAs(input.actor, input.at, {
      action: 'settings.eligibility-pack.change',
      entity: null,
      patientId: null,
      outcome: result.ok ? 'success' : 'failed',
      detail: result.ok
        ? { settingsVersion: result.setting.settingsVersion, packId: input.packId, reason: input.reason }
        : { reason: result.code },
    }),
  );
  return result;
}
