// @knotwork/core: the pure clinical core. No I/O, no clock, no randomness, no environment.
export * from './catalogue/catalogue.js';
export {
  compileCatalogue,
  normaliseIcd10,
  type CompiledCatalogue,
  type ObservationKind,
  type Substance,
} from './catalogue/compile-catalogue.js';
export { createNameMatcher, type NameMatcher } from './catalogue/name-matcher.js';
export * from './policy/policy.js';
export * from './dose/dose.js';
export * from './coding/code-procedure.js';
export {
  parseIcd10cmOrderFile,
  dottedIcd10,
  type Icd10cmEntry,
  type OrderFileResult,
} from './coding/icd10cm-order-file.js';
export { buildIcd10cmIndex, type Icd10cmIndex, type Icd10cmMatch } from './coding/icd10cm-search.js';
export { BUILT_IN_ICD10CM } from './coding/icd10cm-built-in.js';
export {
  screen,
  verdictOf,
  type ScreenOptions,
  type ScreenResult,
  type ScreenTrace,
  type RuleTrace,
  type Verdict,
  type CdsHooksResponse,
} from './screening/screen.js';
export type { CdsCard, CdsCoding } from './screening/cards.js';
export { RULES, type RuleDefinition, type RuleId } from './screening/rules.js';
export { INR_UNITS } from './screening/read-observations.js';
export { PREFETCH_KEYS, type PrefetchKey, type RequestProblem } from './screening/read-request.js';
export type { Fact } from './screening/rule-outcome.js';
export { parseFhirTime } from './util/fhir-time.js';
/** Defensive readers for FHIR JSON from EHRs (server/src/fhir/import reads Bundles with them). */
export * as readFhir from './fhir/read-fhir.js';
export * from './note/note-lifecycle.js';
export * from './settings/setting-issue.js';
export * from './settings/follow-up-schedule.js';
export * from './settings/observation-time.js';
export {
  COMPLICATION_TYPES,
  complicationType,
  isComplicationType,
  type ComplicationType,
  type ComplicationTypeInfo,
} from './reference/complication-types.js';
export * from './consent/consent-form.js';
export * from './procedure/procedure-record.js';
export * from './last/lipid-emulsion.js';
export * from './aftercare/discharge-sheet.js';
export * from './followup/schedule.js';
export * from './followup/red-flags.js';
export * from './outcomes/outcome-types.js';
export * from './outcomes/eligibility-packs.js';
export * from './outcomes/procedure-outcome.js';
export * from './outcomes/repeat-eligibility.js';
export * from './outcomes/resolve-eligibility-pack.js';
export * from './education/education-page.js';
