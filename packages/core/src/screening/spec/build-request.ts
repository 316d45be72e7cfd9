// Request builder for the contract-driven screening suite (SCREENING.md sections 2 and 4).
// Builds FHIR R4 JSON for a CDS Hooks order-sign request: one TPI ServiceRequest (CPT 20552),
// one MedicationRequest per injectate, and prefetch Bundles. Every prefetch key can be given as a
// list of resources (a Bundle of them), `null`, `'absent'` (key left out) or `'outcome'` (an
// OperationOutcome in its place). Pure: no I/O, no clock; "now" is AS_OF.

import {
  daysAgo,
  hoursAgo,
  LATERALITY,
  SYS,
  type Entry,
  type JsonObject,
  type Resource,
  type Side,
  type SideOrCode,
} from './fhir-basics.js';

export * from './fhir-basics.js';

/** Laterality extension for a Side or a raw code. */
export function lateralityExtension(side: SideOrCode): JsonObject {
  const code = Object.hasOwn(LATERALITY, side) ? LATERALITY[side as Side] : side;
  return { url: SYS.laterality, valueCodeableConcept: { coding: [{ system: SYS.snomed, code }] } };
}

export interface Coding extends JsonObject {
  system?: string;
  code?: string;
  display?: string;
}

function bodySite(codings: Coding[], side: SideOrCode | null | undefined): JsonObject {
  const cc: JsonObject = { coding: codings };
  if (side != null) cc['extension'] = [lateralityExtension(side)];
  return cc;
}

/** A planned or infected site coded by muscle; `null` or omitted side: no laterality extension. */
export const muscleSite = (muscle: string, side?: SideOrCode | null): JsonObject =>
  bodySite([{ system: SYS.muscle, code: muscle }], side);
/** A body region site (infections). */
export const regionSite = (region: string, side?: SideOrCode | null): JsonObject =>
  bodySite([{ system: SYS.bodyRegion, code: region }], side);
/** One CodeableConcept carrying a muscle and a region coding together. */
export const muscleAndRegionSite = (muscle: string, region: string, side?: Side | null): JsonObject =>
  bodySite(
    [
      { system: SYS.muscle, code: muscle },
      { system: SYS.bodyRegion, code: region },
    ],
    side,
  );
export const snomedSite = (code: string, side?: Side | null): JsonObject =>
  bodySite([{ system: SYS.snomed, code }], side);

/** A CodeableConcept from a short description of what names a substance. */
export interface ConceptSpec {
  injectate?: string;
  rxnorm?: string;
  substanceClass?: string;
  text?: string;
  display?: string;
  codings?: Coding[];
}
export function concept(spec: ConceptSpec | string): JsonObject {
  const s: ConceptSpec = typeof spec === 'string' ? { injectate: spec } : spec;
  const coding: Coding[] = [...(s.codings ?? [])];
  if (s.injectate) coding.push({ system: SYS.injectate, code: s.injectate, display: s.display });
  if (s.rxnorm) coding.push({ system: SYS.rxnorm, code: s.rxnorm, display: s.injectate ? undefined : s.display });
  if (s.substanceClass) coding.push({ system: SYS.substanceClass, code: s.substanceClass });
  const cc: JsonObject = {};
  if (coding.length > 0) cc['coding'] = coding;
  if (s.text !== undefined) cc['text'] = s.text;
  return cc;
}

let counter = 0;
const nextId = (prefix: string): string => `${prefix}-${++counter}`;

export interface TpiOrderOptions {
  id?: string;
  code?: Coding;
  authoredOn?: string;
}
export function tpiOrder(sites: JsonObject[] | undefined, opts: TpiOrderOptions = {}): Resource {
  return {
    resourceType: 'ServiceRequest',
    id: opts.id ?? nextId('sr'),
    status: 'draft',
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    code: { coding: [opts.code ?? { system: SYS.cpt, code: '20552' }] },
    bodySite: sites,
    authoredOn: opts.authoredOn,
  };
}

export interface DoseOptions {
  /** UCUM code of the doseQuantity (default `mL`; `null` leaves it out). */
  code?: string | null;
  /** Human unit of the doseQuantity (default `mL`; `null` leaves it out). */
  unit?: string | null;
  id?: string;
  authoredOn?: string;
  /** Replaces medicationCodeableConcept by medicationReference. */
  reference?: JsonObject;
  contained?: Resource[];
}
function quantity(ml: number, opts: DoseOptions): JsonObject {
  const q: JsonObject = { value: ml, system: SYS.ucum };
  const code = opts.code === undefined ? 'mL' : opts.code;
  const unit = opts.unit === undefined ? 'mL' : opts.unit;
  if (code !== null) q['code'] = code;
  if (unit !== null) q['unit'] = unit;
  return q;
}

/** A planned injectate line: product (injectate code or a concept) and total volume in mL. */
export function injectate(product: ConceptSpec | string, ml: number | null, opts: DoseOptions = {}): Resource {
  return {
    resourceType: 'MedicationRequest',
    id: opts.id ?? nextId('mr'),
    status: 'draft',
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    contained: opts.contained,
    medicationCodeableConcept: opts.reference ? undefined : concept(product),
    medicationReference: opts.reference,
    authoredOn: opts.authoredOn,
    dosageInstruction: ml === null ? undefined : [{ doseAndRate: [{ doseQuantity: quantity(ml, opts) }] }],
  };
}

export function medicationResource(id: string, spec: ConceptSpec | string): Resource {
  return { resourceType: 'Medication', id, code: concept(spec) };
}

/** A status CodeableConcept from terminology.hl7.org; `undefined` takes the default, `null` leaves it out. */
function status(codeSystem: string, code: string | null | undefined, byDefault: string): JsonObject | undefined {
  const value = code === undefined ? byDefault : code;
  if (value === null) return undefined;
  return { coding: [{ system: `http://terminology.hl7.org/CodeSystem/${codeSystem}`, code: value }] };
}

export interface ConditionOptions {
  clinical?: string | null;
  verification?: string | null;
  bodySite?: JsonObject[];
  onset?: string;
  recorded?: string;
  system?: string;
  display?: string;
}
/** A Condition coded in ICD-10-CM (or opts.system); `code` may also be a whole CodeableConcept. */
export function condition(code: string | JsonObject, opts: ConditionOptions = {}): Resource {
  return {
    resourceType: 'Condition',
    id: nextId('c'),
    subject: { reference: 'Patient/p1' },
    clinicalStatus: status('condition-clinical', opts.clinical, 'active'),
    verificationStatus: status('condition-ver-status', opts.verification, 'confirmed'),
    code:
      typeof code === 'string'
        ? { coding: [{ system: opts.system ?? SYS.icd10cm, code, display: opts.display }] }
        : code,
    bodySite: opts.bodySite,
    onsetDateTime: opts.onset,
    recordedDate: opts.recorded,
  };
}
/** The default indication: M79.18 myalgia, other site (section 3 `indication` prefix M79.1). */
export const indication = (): Resource => condition('M79.18', { display: 'Myalgia, other site' });

export interface AllergyOptions {
  type?: 'allergy' | 'intolerance';
  clinical?: string | null;
  verification?: string | null;
  recorded?: string;
}
export function allergy(what: ConceptSpec | string, opts: AllergyOptions = {}): Resource {
  return {
    resourceType: 'AllergyIntolerance',
    id: nextId('a'),
    patient: { reference: 'Patient/p1' },
    type: opts.type ?? 'allergy',
    clinicalStatus: status('allergyintolerance-clinical', opts.clinical, 'active'),
    verificationStatus: status('allergyintolerance-verification', opts.verification, 'confirmed'),
    code: concept(typeof what === 'string' ? { text: what } : what),
    recordedDate: opts.recorded,
  };
}

export interface MedicineOptions {
  kind?: 'MedicationRequest' | 'MedicationStatement';
  status?: string;
  authoredOn?: string;
  effective?: string;
  dateAsserted?: string;
  reference?: JsonObject;
  contained?: Resource[];
}
/** A current medicine (prefetch `medications`); a string is the CodeableConcept's text. */
export function medicine(what: ConceptSpec | string, opts: MedicineOptions = {}): Resource {
  const kind = opts.kind ?? 'MedicationRequest';
  const med = opts.reference ? undefined : concept(typeof what === 'string' ? { text: what } : what);
  const base: Resource = {
    resourceType: kind,
    id: nextId('m'),
    status: opts.status ?? 'active',
    subject: { reference: 'Patient/p1' },
    contained: opts.contained,
    medicationCodeableConcept: med,
    medicationReference: opts.reference,
  };
  if (kind === 'MedicationRequest') {
    base['intent'] = 'order';
    base['authoredOn'] = opts.authoredOn;
  } else {
    base['effectiveDateTime'] = opts.effective;
    base['dateAsserted'] = opts.dateAsserted;
  }
  return base;
}

export const LOINC = {
  weight: '29463-7',
  temperature: '8310-5',
  inr: '6301-6',
  platelets: '777-3',
  pregnancyStatus: '82810-3',
} as const;
export type ObservationKind = Exclude<keyof typeof LOINC, 'pregnancyStatus'>;

/**
 * An Observation with a valueQuantity. `unit` sets both the Quantity's `code` and `unit` (`null`:
 * neither); `at` is the effectiveDateTime (`null`: no time at all). `extra` is merged last, so it
 * can replace any field (another time element, a valueQuantity with a distinct code and unit...).
 */
export function observation(
  kind: ObservationKind,
  value: number,
  unit: string | null,
  at: string | null,
  extra: JsonObject = {},
): Resource {
  const q: JsonObject = { value };
  if (unit !== null) {
    q['unit'] = unit;
    q['code'] = unit;
    q['system'] = SYS.ucum;
  }
  return {
    resourceType: 'Observation',
    id: nextId('o'),
    status: 'final',
    subject: { reference: 'Patient/p1' },
    code: { coding: [{ system: SYS.loinc, code: LOINC[kind] }] },
    effectiveDateTime: at ?? undefined,
    valueQuantity: q,
    ...extra,
  };
}
export const weight = (kg: number, at: string = daysAgo(7)): Resource => observation('weight', kg, 'kg', at);
export const temperature = (celsius: number, at: string = hoursAgo(1)): Resource =>
  observation('temperature', celsius, 'Cel', at);
export const inr = (value: number, at: string = daysAgo(1), unit: string | null = null): Resource =>
  observation('inr', value, unit, at);
export const platelets = (value: number, at: string = daysAgo(1)): Resource =>
  observation('platelets', value, '10*9/L', at);

export const PREGNANT = { system: SYS.snomed, code: '77386006' } as const;
export const NOT_PREGNANT = { system: SYS.snomed, code: '60001007' } as const;
export function pregnancyStatus(answer: Coding, at: string, status = 'final'): Resource {
  return {
    resourceType: 'Observation',
    id: nextId('o'),
    status,
    code: { coding: [{ system: SYS.loinc, code: LOINC.pregnancyStatus }] },
    effectiveDateTime: at,
    valueCodeableConcept: { coding: [answer] },
  };
}

export interface AdministrationOptions {
  ml?: number | null;
  status?: string;
  route?: string;
  reference?: JsonObject;
  contained?: Resource[];
  /** `effectiveDateTime`; `null` leaves the time out. */
  at?: string | null;
}
/** An earlier MedicationAdministration (prefetch `medicationAdministrations`). */
export function administration(product: ConceptSpec | string, opts: AdministrationOptions = {}): Resource {
  const ml = opts.ml === undefined ? 1 : opts.ml;
  const dosage: JsonObject = {};
  if (ml !== null) dosage['dose'] = { value: ml, unit: 'mL', system: SYS.ucum, code: 'mL' };
  if (opts.route) dosage['route'] = { coding: [{ system: SYS.snomed, code: opts.route }] };
  return {
    resourceType: 'MedicationAdministration',
    id: nextId('ma'),
    status: opts.status ?? 'completed',
    subject: { reference: 'Patient/p1' },
    contained: opts.contained,
    medicationCodeableConcept: opts.reference ? undefined : concept(product),
    medicationReference: opts.reference,
    effectiveDateTime: opts.at === null ? undefined : (opts.at ?? daysAgo(10)),
    dosage,
  };
}

/** A prefetch key: resources (or entries with fullUrl) to bundle, null, left out, or an OperationOutcome. */
export type Prefetch = readonly (Resource | Entry)[] | null | 'absent' | 'outcome';

export function bundle(items: readonly (Resource | Entry)[], type = 'searchset'): Resource {
  return {
    resourceType: 'Bundle',
    type,
    entry: items.map((item) => ('resourceType' in item ? { resource: item } : { ...item })),
  };
}
export const OPERATION_OUTCOME: Resource = {
  resourceType: 'OperationOutcome',
  issue: [{ severity: 'error', code: 'exception', diagnostics: 'could not fetch' }],
};

export interface RequestSpec {
  hook?: string;
  /** bodySite of the single default TPI order (ignored when serviceRequests is given). */
  sites?: JsonObject[];
  serviceRequests?: Resource[];
  /** MedicationRequests of the session; default: lidocaine 1% 5 mL. */
  orders?: Resource[];
  /** Other draftOrders entries (e.g. Medication resources), with or without fullUrl. */
  extraDraft?: readonly (Resource | Entry)[];
  conditions?: Prefetch;
  allergies?: Prefetch;
  medications?: Prefetch;
  observations?: Prefetch;
  medicationAdministrations?: Prefetch;
  patient?: 'absent' | null;
}

export const PREFETCH_KEYS = [
  'conditions',
  'allergies',
  'medications',
  'observations',
  'medicationAdministrations',
] as const;
export type PrefetchKey = (typeof PREFETCH_KEYS)[number];

/** Default site: cervical paraspinals, left (pleural risk none, region neck-posterior). */
export const DEFAULT_SITE = (): JsonObject => muscleSite('cervical-paraspinals', 'left');
export const DEFAULT_ORDER = (): Resource => injectate('lidocaine-1pct', 5);

/**
 * A complete CDS Hooks request. Defaults give a clean screen: an indication, no allergies or
 * medicines, a 70 kg weight 7 days old, 36.8 C an hour ago, no earlier administrations.
 */
export function buildRequest(spec: RequestSpec = {}): JsonObject {
  const defaults: Record<PrefetchKey, Prefetch> = {
    conditions: [indication()],
    allergies: [],
    medications: [],
    observations: [weight(70), temperature(36.8)],
    medicationAdministrations: [],
  };
  const prefetch: JsonObject = {};
  if (spec.patient !== 'absent') {
    prefetch['patient'] =
      spec.patient === null ? null : { resourceType: 'Patient', id: 'p1', gender: 'female', birthDate: '1978-04-02' };
  }
  for (const key of PREFETCH_KEYS) {
    const value = spec[key] === undefined ? defaults[key] : spec[key];
    if (value === 'absent') continue;
    prefetch[key] = value === null ? null : value === 'outcome' ? OPERATION_OUTCOME : bundle(value);
  }
  const serviceRequests = spec.serviceRequests ?? [tpiOrder(spec.sites ?? [DEFAULT_SITE()])];
  const orders = spec.orders ?? [DEFAULT_ORDER()];
  const draft = bundle([...serviceRequests, ...orders, ...(spec.extraDraft ?? [])], 'collection');
  const request: JsonObject = {
    hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
    hook: spec.hook ?? 'order-sign',
    context: { userId: 'Practitioner/dr1', patientId: 'p1', draftOrders: draft },
    prefetch,
  };
  // Plain JSON: undefined members dropped, as a request parsed from the wire would be.
  return JSON.parse(JSON.stringify(request)) as JsonObject;
}
