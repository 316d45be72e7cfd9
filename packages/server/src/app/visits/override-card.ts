// Overriding a critical card: only a critical card of that screen, only with one of the contract's
// override reasons ("other" needs words), recorded with the user and the time and audited
// (SCREENING.md section 4 "Overrides"; issue 3 item 2 "each override with reason, user and time").
import { catalogue } from '@knotwork/core';
import type { AuditSink } from '../../audit-event.js';
import type { Clock } from '../../clock.js';
import type { ScreenOverride, ScreenStore } from './visit-ports.js';

export type OverrideResult =
  | { readonly ok: true; readonly override: ScreenOverride }
  | {
      readonly ok: false;
      readonly code: 'not-found' | 'validation-failed';
      readonly detail: string;
      readonly path?: string;
    };

const REASONS = new Set<string>(catalogue.overrideReasons.codes.map((r) => r.code));

/**
 * Whether `card` may be overridden with this reason (pure): only a critical card, only a contract
 * reason, and "other" only with words. The comment as it is kept (trimmed; null when empty).
 */
export function checkOverride(
  card: { readonly indicator: string },
  input: { readonly reasonCode: string; readonly comment?: string | undefined },
): { readonly ok: true; readonly comment: string | null } | Extract<OverrideResult, { ok: false }> {
  if (card.indicator !== 'critical') {
    return {
      ok: false,
      code: 'validation-failed',
      detail: 'only a critical card is overridden; warnings and info need no override',
      path: 'cardUuid',
    };
  }
  if (!REASONS.has(input.reasonCode)) {
    return {
      ok: false,
      code: 'validation-failed',
      detail: `reasonCode must be one of ${[...REASONS].join(', ')}`,
      path: 'reasonCode',
    };
  }
  const comment = input.comment?.trim() ?? '';
  if (input.reasonCode === 'other' && comment.length === 0) {
    return {
      ok: false,
      code: 'validation-failed',
      detail: 'the reason "other" needs a comment saying what it is',
      path: 'comment',
    };
  }
  return { ok: true, comment: comment.length > 0 ? comment : null };
}

export async function overrideCard(
  input: {
    readonly clinicId: string;
    readonly userId: string;
    readonly screenId: string;
    readonly cardUuid: string;
    readonly reasonCode: string;
    readonly comment?: string | undefined;
    readonly from: string | null;
  },
  deps: {
    readonly screens: ScreenStore;
    readonly clock: Clock;
    readonly audit: AuditSink;
    readonly newId: () => string;
  },
): Promise<OverrideResult> {
  const stored = await deps.screens.find(input.screenId);
  if (!stored) return { ok: false, code: 'not-found', detail: `no screen ${input.screenId}` };
  const card = stored.cards.find((c) => c.uuid === input.cardUuid);
  if (!card) return { ok: false, code: 'not-found', detail: `screen ${input.screenId} has no card ${input.cardUuid}` };
  const checked = checkOverride(card, input);
  if (!checked.ok) return checked;
  const override: ScreenOverride = {
    id: deps.newId(),
    screenId: stored.id,
    cardUuid: card.uuid,
    finding: card.source.topic.code,
    reasonCode: input.reasonCode,
    comment: checked.comment,
    userId: input.userId,
    at: deps.clock.now(),
  };
  await deps.screens.saveOverride(override);
  await deps.audit.record({
    clinicId: input.clinicId,
    actor: input.userId,
    actorKind: 'user',
    action: 'screen.override',
    entity: `Screen/${stored.id}`,
    patientId: stored.patientId,
    at: override.at,
    from: input.from,
    outcome: 'success',
    detail: { card: card.uuid, finding: override.finding, reason: override.reasonCode },
  });
  return { ok: true, override };
}

/** Critical cards of a screen with no override yet: these block signing. */
export function unresolvedCriticalCards(
  cards: readonly { uuid: string; indicator: string }[],
  overrides: readonly ScreenOverride[],
): string[] {
  const overridden = new Set(overrides.map((o) => o.cardUuid));
  return cards.filter((c) => c.indicator === 'critical' && !overridden.has(c.uuid)).map((c) => c.uuid);
}
