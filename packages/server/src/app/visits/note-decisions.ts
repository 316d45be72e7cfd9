// The pure parts of the procedure note's use cases (procedure-note.ts), shared with a whole
// documented visit decided in memory (decide-documented-visit.ts): the first draft from the plan,
// a draft changed, what still blocks signing, and the administrations a signature writes.
import { catalogue, recordBlockers, recordIssues, type RecordBlockerCode, type RecordIssue } from '@knotwork/core';
import { consentGaps } from './consent-coverage.js';
import { emptySite, procedureRecordOf, type NoteChange, type NoteContent } from './note-ports.js';
import { unresolvedCriticalCards } from './override-card.js';
import type { StoredPlan } from './plan-ports.js';
import type { NewAdministration, StoredConsent } from './procedure-ports.js';
import type { ScreenOverride, StoredScreen } from './visit-ports.js';

/** The day of the procedure (UTC), for the expiry of lots. */
export const dayOf = (at: number): string => new Date(at).toISOString().slice(0, 10);

export const planSnapshot = (plan: StoredPlan): NoteContent['plan'] => ({
  sites: plan.sites,
  products: plan.products,
  revision: plan.revision,
});

/** Version 1's content: the plan, and nothing recorded yet. */
export function firstDraftContent(plan: StoredPlan): NoteContent {
  return {
    plan: planSnapshot(plan),
    findings: '',
    painNrs: null,
    timeOut: { patient: false, sites: false, sides: false, allergies: false, consent: false },
    sites: plan.sites.map(emptySite),
    complications: [],
  };
}

/**
 * A draft changed: the change applied and the visit's current plan taken as the note's plan (what
 * is signed is what was screened); refused with the issues of the record (an expired lot).
 */
export function editedContent(
  current: NoteContent,
  change: NoteChange,
  plan: StoredPlan | undefined,
  at: number,
): { readonly ok: true; readonly content: NoteContent } | { readonly ok: false; readonly issues: RecordIssue[] } {
  const content: NoteContent = { ...current, ...change, plan: plan ? planSnapshot(plan) : current.plan };
  const issues = recordIssues(procedureRecordOf(content), dayOf(at));
  return issues.length > 0 ? { ok: false, issues } : { ok: true, content };
}

/** The visit steps where a signing blocker is put right (the web app's step ids). */
export type BlockerStep = 'plan' | 'screening' | 'consent' | 'procedure';

export type SigningBlockerCode =
  | 'no-plan'
  | 'no-screen'
  | 'critical-card-open'
  | 'plan-changed'
  | 'lot-refused'
  | 'consent-missing'
  | 'consent-incomplete'
  | RecordBlockerCode;

/** One thing still open before signing: a stable code, the step that fixes it, and its words. */
export interface SigningBlocker {
  readonly code: SigningBlockerCode;
  readonly step: BlockerStep;
  readonly message: string;
}

/** Record blockers that are fixed by changing the plan (and screening it again), not the note. */
const FIXED_IN_PLAN: ReadonlySet<RecordBlockerCode> = new Set([
  'site-not-planned',
  'product-not-planned',
  'volume-over-plan',
]);

/**
 * What still blocks signing a note of this content: no screen of the current plan or a critical
 * card of it without an override, a plan changed since the note was saved, the record incomplete
 * or beyond the plan, an expired lot, no consent covering the plan.
 */
export function signingBlockersOf(input: {
  readonly plan: StoredPlan;
  /** The plan's screen (plan.screenId), if it has one. */
  readonly screen: StoredScreen | undefined;
  readonly overrides: readonly ScreenOverride[];
  readonly content: NoteContent;
  readonly consents: readonly StoredConsent[];
  readonly at: number;
}): SigningBlocker[] {
  const { plan, screen, content } = input;
  const blockers: SigningBlocker[] = [];
  const add = (code: SigningBlockerCode, step: BlockerStep, message: string) => blockers.push({ code, step, message });
  if (!screen)
    add('no-screen', 'screening', `no screen of the current plan (revision ${plan.revision}): screen the visit first`);
  else {
    const open = new Set(unresolvedCriticalCards(screen.cards, input.overrides));
    for (const c of screen.cards.filter((card) => open.has(card.uuid))) {
      add('critical-card-open', 'screening', `critical card "${c.summary}" (${c.source.topic.code}) has no override`);
    }
  }
  if (content.plan.revision !== plan.revision) {
    add(
      'plan-changed',
      'procedure',
      `the plan changed (revision ${content.plan.revision} -> ${plan.revision}) after the note was last saved: save the note again`,
    );
  }
  const record = procedureRecordOf(content);
  for (const b of recordBlockers(record, plan))
    add(b.code, FIXED_IN_PLAN.has(b.code) ? 'plan' : 'procedure', b.message);
  for (const i of recordIssues(record, dayOf(input.at))) add('lot-refused', 'procedure', i.message);
  for (const gap of consentGaps(input.consents, plan)) add(gap.code, 'consent', gap.message);
  return blockers;
}

const productText = new Map<string, string>(catalogue.injectates.map((i) => [i.code, i.display]));

/** The administrations a signed note's content records, per site. */
export function administrationsOf(content: NoteContent): NewAdministration[] {
  return content.sites.flatMap((site) =>
    site.administrations.map((a) => ({
      muscle: site.muscle,
      side: site.side,
      injectate: a.injectate,
      productText: productText.get(a.injectate) ?? a.injectate,
      volumeMl: a.volumeMl,
      lot: a.lot,
      expiry: a.expiry,
    })),
  );
}
