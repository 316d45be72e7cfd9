// The basics of the contract suite's request builder: JSON types, "now" (AS_OF), code systems,
// relative times and laterality codes. Pure: no I/O, no clock.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json | undefined };
export type JsonObject = { [key: string]: Json | undefined };
export type Resource = JsonObject & { resourceType: string };
export interface Entry {
  fullUrl: string;
  resource: Resource;
}

export const AS_OF_ISO = '2026-11-27T10:00:00.000Z';
export const AS_OF = Date.parse(AS_OF_ISO);
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export const SYS = {
  muscle: 'https://knotwork.dev/fhir/CodeSystem/muscle',
  bodyRegion: 'https://knotwork.dev/fhir/CodeSystem/body-region',
  injectate: 'https://knotwork.dev/fhir/CodeSystem/injectate',
  substanceClass: 'https://knotwork.dev/fhir/CodeSystem/substance-class',
  procedure: 'https://knotwork.dev/fhir/CodeSystem/procedure',
  laterality: 'https://knotwork.dev/fhir/StructureDefinition/laterality',
  finding: 'https://knotwork.dev/fhir/CodeSystem/screening-finding',
  snomed: 'http://snomed.info/sct',
  loinc: 'http://loinc.org',
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  icd10: 'http://hl7.org/fhir/sid/icd-10',
  cpt: 'http://www.ama-assn.org/go/cpt',
  ucum: 'http://unitsofmeasure.org',
} as const;

/** ISO instant `ms` milliseconds before AS_OF (negative: after it). */
export const before = (ms: number): string => new Date(AS_OF - ms).toISOString();
export const hoursAgo = (h: number): string => before(h * HOUR);
export const daysAgo = (d: number): string => before(d * DAY);

export type Side = 'left' | 'right' | 'both';
export const LATERALITY: Readonly<Record<Side, string>> = { left: '7771000', right: '24028007', both: '51440002' };

/** A Side, or a raw SNOMED CT laterality code (to test unknown codes). */
export type SideOrCode = string;
