// Repeat-TPI rule packs as data (REFERENCE.md 4.4, 6.4, 10 item 5: "payer rule packs keyed by
// coverage"): each has an id, a version and its sources; a clinic chooses one, or defines its own
// (validated by resolveEligibilityPack, every bad field named).
import type { EligibilityPack } from './outcome-types.js';

/**
 * Medicare LCD L34211 (Noridian) and the sister 2024 LCDs, as the reference reads them: >= 50 %
 * relief of the index pain on the same scale lasting >= 6 weeks; >= 50 % functional improvement on a
 * validated scale; >= 6 weeks before repeating in the same location; <= 3 sessions per rolling 12
 * months [LCD_L34211][LCD_MULTI]. The active rehab or home-exercise programme is a documentation
 * item the software cannot see, listed as not checked.
 */
export const MEDICARE_PACK: EligibilityPack = Object.freeze({
  id: 'medicare-lcd-l34211',
  version: 1,
  name: 'Medicare LCD L34211 (2024 TPI LCDs)',
  sources: ['LCD_L34211', 'LCD_MULTI'],
  criteria: Object.freeze([
    { kind: 'relief-duration', id: 'relief-50-6-weeks', minReliefPct: 50, minDays: 42, sources: ['LCD_L34211'] },
    { kind: 'functional-improvement', id: 'function-50', minImprovementPct: 50, sources: ['LCD_L34211'] },
    {
      kind: 'min-interval',
      id: 'same-site-6-weeks',
      scope: 'same-site',
      minDays: 42,
      sources: ['LCD_L34211', 'LCD_MULTI'],
    },
    {
      kind: 'max-sessions',
      id: 'max-3-per-12-months',
      scope: 'any-site',
      max: 3,
      windowMonths: 12,
      sources: ['LCD_L34211'],
    },
  ] as const),
  notChecked: Object.freeze(['an active rehabilitation or home-exercise programme (LCD_L34211)']),
});

/**
 * eviCore CMM-202: >= 50 % relief with functional improvement for >= 6 weeks; >= 2 months between
 * sessions; <= 4 sessions per body region per year [EVICORE]. Self-management instruction is not checked.
 */
export const EVICORE_PACK: EligibilityPack = Object.freeze({
  id: 'evicore-cmm-202',
  version: 1,
  name: 'eviCore CMM-202',
  sources: ['EVICORE'],
  criteria: Object.freeze([
    { kind: 'relief-duration', id: 'relief-50-6-weeks', minReliefPct: 50, minDays: 42, sources: ['EVICORE'] },
    { kind: 'functional-improvement', id: 'function-improved', minImprovementPct: 'any', sources: ['EVICORE'] },
    { kind: 'min-interval', id: 'two-months-apart', scope: 'any-site', minMonths: 2, sources: ['EVICORE'] },
    {
      kind: 'max-sessions',
      id: 'max-4-per-region-per-year',
      scope: 'same-region',
      max: 4,
      windowMonths: 12,
      sources: ['EVICORE'],
    },
  ] as const),
  notChecked: Object.freeze(['self-management instruction given (EVICORE)']),
});

export const ELIGIBILITY_PACKS: readonly EligibilityPack[] = Object.freeze([MEDICARE_PACK, EVICORE_PACK]);
/** The default pack: the Medicare reading (issue 6). */
export const DEFAULT_ELIGIBILITY_PACK = MEDICARE_PACK;
