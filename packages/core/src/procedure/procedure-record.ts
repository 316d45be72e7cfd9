// What was done at a TPI, as the procedure note records it (issue 3 item 2, issue 4 item 3): the
// time-out, per site what was injected (product, volume, lot, expiry), the needle, aspiration,
// twitch response and tolerance, immediate complications, and the pain score afterwards.
// Two pure checks: `recordIssues` refuses what can never be saved (an expired lot, an expiry that
// is not a date), with the field's path; `signingBlockers` says, in words, what still stops the
// note from being signed (an unchecked time-out item, a planned site with nothing recorded, a
// product or a volume beyond the screened plan, a missing lot, no pain score after).
import type { Side } from '../catalogue/catalogue.js';
import type { ComplicationType } from '../reference/complication-types.js';

export const TIME_OUT_ITEMS = ['patient', 'sites', 'sides', 'allergies', 'consent'] as const;
export type TimeOutItem = (typeof TIME_OUT_ITEMS)[number];
export const TIME_OUT_WORDS: Record<TimeOutItem, string> = {
  patient: 'patient identity confirmed',
  sites: 'sites confirmed and marked',
  sides: 'sides confirmed',
  allergies: 'allergies confirmed',
  consent: 'consent confirmed',
};

export const ASPIRATION_RESULTS = ['negative', 'blood', 'air', 'not-done'] as const;
export type AspirationResult = (typeof ASPIRATION_RESULTS)[number];
export const TOLERANCES = ['well', 'moderate', 'poor'] as const;
export type Tolerance = (typeof TOLERANCES)[number];
export const COMPLICATION_SEVERITIES = ['mild', 'moderate', 'severe'] as const;
export type ComplicationSeverity = (typeof COMPLICATION_SEVERITIES)[number];

export interface AdministrationEntry {
  /** A catalogue injectate code: what the screen and the dose limits know. */
  readonly injectate: string;
  readonly volumeMl: number;
  readonly lot: string | null;
  /** The lot's expiry as printed: YYYY-MM (good to the end of that month) or YYYY-MM-DD. */
  readonly expiry: string | null;
}

export interface ProcedureSite {
  readonly muscle: string;
  readonly side: Side;
  readonly needle: { readonly gauge: number | null; readonly lengthMm: number | null };
  readonly aspiration: AspirationResult | null;
  /** A local twitch response was elicited. */
  readonly twitch: boolean | null;
  readonly tolerance: Tolerance | null;
  readonly administrations: readonly AdministrationEntry[];
}

export interface ImmediateComplication {
  readonly type: ComplicationType;
  readonly severity: ComplicationSeverity;
  /** ISO date-time. */
  readonly onset: string;
  readonly action: string;
  readonly note: string | null;
}

export interface ProcedureRecord {
  readonly timeOut: Readonly<Record<TimeOutItem, boolean>>;
  readonly sites: readonly ProcedureSite[];
  readonly complications: readonly ImmediateComplication[];
  /** Pain 0-10 (NRS) after the procedure; null until recorded. */
  readonly postPainNrs: number | null;
}

export const EMPTY_TIME_OUT: Readonly<Record<TimeOutItem, boolean>> = {
  patient: false,
  sites: false,
  sides: false,
  allergies: false,
  consent: false,
};

export interface RecordIssue {
  readonly path: string;
  readonly message: string;
}

const EXPIRY = /^(\d{4})-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?$/;

/**
 * The first day a lot may no longer be given, as YYYY-MM-DD: the day after a full date, the first
 * of the next month for a month alone (the pharmacopoeial reading of a printed month: use by its
 * last day). Undefined when the text is not such a date.
 */
export function firstDayExpired(expiry: string): string | undefined {
  const m = EXPIRY.exec(expiry);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3])];
  const next = day === undefined ? new Date(Date.UTC(year, month, 1)) : new Date(Date.UTC(year, month - 1, day + 1));
  if (day !== undefined && new Date(Date.UTC(year, month - 1, day)).getUTCMonth() !== month - 1) return undefined;
  return next.toISOString().slice(0, 10);
}

/** What can never be saved: an expiry that is not a date, a lot that had expired on `procedureDay` (YYYY-MM-DD). */
export function recordIssues(record: ProcedureRecord, procedureDay: string): RecordIssue[] {
  const issues: RecordIssue[] = [];
  record.sites.forEach((site, s) => {
    site.administrations.forEach((a, i) => {
      const path = `sites[${s}].administrations[${i}].expiry`;
      if (a.expiry === null) return;
      const expired = firstDayExpired(a.expiry);
      if (expired === undefined)
        issues.push({ path, message: `"${a.expiry}" is not an expiry date (YYYY-MM or YYYY-MM-DD)` });
      else if (procedureDay >= expired) {
        issues.push({
          path,
          message: `lot ${a.lot ?? '(no lot number)'} of ${a.injectate} expired (${a.expiry}) before ${procedureDay}: it must not be given`,
        });
      }
    });
  });
  return issues;
}

export interface PlannedForSigning {
  readonly sites: readonly { readonly muscle: string; readonly side: Side }[];
  readonly products: readonly { readonly injectate: string; readonly volumeMl: number }[];
}

const VOLUME_TOLERANCE_ML = 1e-9;
const siteKey = (s: { readonly muscle: string; readonly side: Side }) => `${s.muscle} (${s.side})`;

/** Why the procedure record stops signing: a stable code, apart from the wording. */
export const RECORD_BLOCKER_CODES = [
  'time-out-incomplete',
  'site-not-planned',
  'site-not-recorded',
  'lot-missing',
  'expiry-missing',
  'product-not-planned',
  'volume-over-plan',
  'post-pain-missing',
] as const;
export type RecordBlockerCode = (typeof RECORD_BLOCKER_CODES)[number];

export interface RecordBlocker {
  readonly code: RecordBlockerCode;
  readonly message: string;
}

/** What still stops signing, in words; empty when the record is complete and within the plan. */
export function signingBlockers(record: ProcedureRecord, plan: PlannedForSigning): string[] {
  return recordBlockers(record, plan).map((b) => b.message);
}

/** What still stops signing, each with its code; empty when the record is complete and within the plan. */
export function recordBlockers(record: ProcedureRecord, plan: PlannedForSigning): RecordBlocker[] {
  const blockers: RecordBlocker[] = [];
  const add = (code: RecordBlockerCode, message: string) => blockers.push({ code, message });
  const unchecked = TIME_OUT_ITEMS.filter((item) => !record.timeOut[item]);
  if (unchecked.length > 0)
    add('time-out-incomplete', `time-out not complete: ${unchecked.map((i) => TIME_OUT_WORDS[i]).join(', ')}`);

  const planned = new Set(plan.sites.map(siteKey));
  const recorded = new Map(record.sites.map((s) => [siteKey(s), s]));
  for (const site of record.sites) {
    if (!planned.has(siteKey(site)))
      add('site-not-planned', `${siteKey(site)} is not in the screened plan: add it and screen again`);
  }
  for (const key of planned) {
    const site = recorded.get(key);
    if (!site || site.administrations.length === 0) {
      add('site-not-recorded', `nothing recorded as given at ${key}: record it, or take the site out of the plan`);
    }
  }

  const given = new Map<string, number>();
  for (const site of record.sites) {
    for (const a of site.administrations) {
      given.set(a.injectate, (given.get(a.injectate) ?? 0) + a.volumeMl);
      if (a.lot === null || a.lot.trim() === '')
        add('lot-missing', `${a.injectate} at ${siteKey(site)} has no lot number`);
      if (a.expiry === null) add('expiry-missing', `${a.injectate} at ${siteKey(site)} has no expiry date`);
    }
  }
  const plannedMl = new Map<string, number>();
  for (const p of plan.products) plannedMl.set(p.injectate, (plannedMl.get(p.injectate) ?? 0) + p.volumeMl);
  for (const [injectate, ml] of given) {
    const limit = plannedMl.get(injectate);
    if (limit === undefined)
      add('product-not-planned', `${injectate} was given but is not in the screened plan: add it and screen again`);
    else if (ml > limit + VOLUME_TOLERANCE_ML) {
      add(
        'volume-over-plan',
        `${injectate}: ${round(ml)} mL given, more than the ${round(limit)} mL screened: change the plan and screen again`,
      );
    }
  }
  if (record.postPainNrs === null) add('post-pain-missing', 'pain after the procedure (NRS 0-10) is not recorded');
  return blockers;
}

const round = (ml: number) => Math.round(ml * 100) / 100;
