// The patient's record from the prefetch, read as SCREENING.md sections 2 and 4 say: which
// Conditions, allergies, medicines and administrations count, and what each names.
import type {
  AnticoagulantId,
  BodyRegion,
  Icd10SetName,
  IngredientId,
  Injectate,
  Side,
  SubstanceClassCode,
} from '../catalogue/catalogue.js';
import type { CompiledCatalogue, Substance } from '../catalogue/compile-catalogue.js';
import {
  arr,
  bundleEntries,
  codings,
  conceptTexts,
  conceptLabel,
  obj,
  resourceType,
  str,
  statusCode,
  type Json,
} from '../fhir/read-fhir.js';
import { parseFhirTime } from '../util/fhir-time.js';
import { lateralityOf, volumeMl, type PrefetchKey } from './read-request.js';
import { readMedication, substancesOfConcept, type MedicationIndex } from './read-substances.js';

export interface InfectionSite {
  readonly regions: readonly BodyRegion[];
  readonly side: Side;
}

export interface ConditionFact {
  readonly path: string;
  readonly label: string;
  readonly icd10: readonly string[];
  readonly sets: readonly Icd10SetName[];
  /** Counts for the active-condition rules (clinical status active, recurrence, relapse or absent). */
  readonly active: boolean;
  /** Where it is, for infections: 'everywhere' when it has no recognisable body site. */
  readonly sites: readonly InfectionSite[] | 'everywhere';
}

export interface AllergyFact {
  readonly path: string;
  readonly label: string;
  readonly intolerance: boolean;
  readonly ingredients: readonly IngredientId[];
  readonly classes: readonly SubstanceClassCode[];
}

export interface MedicineFact {
  readonly path: string;
  readonly label: string;
  readonly anticoagulants: readonly AnticoagulantId[];
}

export interface AdministrationFact {
  readonly path: string;
  readonly label: string;
  readonly time: number | undefined;
  readonly product: Injectate | undefined;
  readonly volumeMl: number | undefined;
  readonly corticosteroid: boolean;
}

const REFUTED = new Set(['refuted', 'entered-in-error']);
const ACTIVE_CONDITION = new Set(['active', 'recurrence', 'relapse']);

function entriesOf(prefetch: ReadonlyMap<PrefetchKey, unknown>, key: PrefetchKey, type: string | readonly string[]) {
  const types = typeof type === 'string' ? [type] : type;
  return bundleEntries(prefetch.get(key), `$.prefetch.${key}`).filter((e) =>
    types.includes(resourceType(e.resource) ?? ''),
  );
}

/** A record dated after as-of is ignored everywhere; a record with no time counts. */
function isFuture(time: number | undefined, asOf: number): boolean {
  return time !== undefined && time > asOf;
}

function infectionSites(c: CompiledCatalogue, condition: Json): InfectionSite[] | 'everywhere' {
  const bodySites = arr(condition['bodySite']);
  if (bodySites.length === 0) return 'everywhere';
  const sites: InfectionSite[] = [];
  for (const raw of bodySites) {
    const concept = obj(raw) ?? {};
    const regions = new Set<BodyRegion>();
    for (const k of codings(concept)) {
      if (k.code === undefined) continue;
      if (k.system === c.data.systems.muscle) c.muscles.get(k.code)?.muscle.regions.forEach((r) => regions.add(r));
      if (k.system === c.data.systems.bodyRegion && c.regions.has(k.code)) regions.add(k.code as BodyRegion);
    }
    // SCREENING.md section 4: one unrecognisable bodySite entry puts the infection everywhere.
    if (regions.size === 0) return 'everywhere';
    sites.push({ regions: [...regions], side: lateralityOf(c, concept) });
  }
  return sites;
}

/** "Cellulitis of back (L03.312)"; "ICD-10-CM B02.9" when the record has no words for it. */
function conditionLabel(concept: unknown, icd10: readonly string[]): string {
  const codes = icd10.join(', ');
  if (conceptTexts(concept).length === 0) return icd10.length > 0 ? `ICD-10-CM ${codes}` : conceptLabel(concept);
  return icd10.length > 0 ? `${conceptLabel(concept)} (${codes})` : conceptLabel(concept);
}

function conditionTime(condition: Json): number | undefined {
  return (
    parseFhirTime(condition['onsetDateTime']) ??
    parseFhirTime(obj(condition['onsetPeriod'])?.['start']) ??
    parseFhirTime(condition['recordedDate'])
  );
}

/** Conditions that are not refuted or entered in error (vasovagal history reads these, any status). */
export function readConditions(
  c: CompiledCatalogue,
  prefetch: ReadonlyMap<PrefetchKey, unknown>,
  asOf: number,
): ConditionFact[] {
  const out: ConditionFact[] = [];
  for (const e of entriesOf(prefetch, 'conditions', 'Condition')) {
    const r = e.resource;
    if (REFUTED.has(statusCode(r['verificationStatus']) ?? '')) continue;
    if (isFuture(conditionTime(r), asOf)) continue;
    const clinical = statusCode(r['clinicalStatus']);
    const icd10 = codings(r['code'])
      .filter(
        (k) =>
          k.code !== undefined &&
          (k.system === c.data.systems.icd10cm || k.system === 'http://hl7.org/fhir/sid/icd-10'),
      )
      .map((k) => k.code as string);
    const sets: Icd10SetName[] = [];
    for (const code of icd10) for (const s of c.icd10SetsOf(code)) if (!sets.includes(s)) sets.push(s);
    out.push({
      path: e.path,
      label: conditionLabel(r['code'], icd10),
      icd10,
      sets,
      active: clinical === undefined || ACTIVE_CONDITION.has(clinical),
      sites: infectionSites(c, r),
    });
  }
  return out;
}

function splitSubstances(c: CompiledCatalogue, substances: readonly Substance[]) {
  const ingredients: IngredientId[] = [];
  const classes: SubstanceClassCode[] = [];
  for (const s of substances) {
    // An allergy coded with a Knotwork injectate code means that product's ingredient (section 4).
    const ing = s.kind === 'ingredient' ? s.id : s.kind === 'product' ? c.injectates.get(s.id)?.ingredient : undefined;
    if (ing && !ingredients.includes(ing)) ingredients.push(ing);
    if (s.kind === 'class' && !classes.includes(s.id)) classes.push(s.id);
  }
  return { ingredients, classes };
}

export function readAllergies(
  c: CompiledCatalogue,
  prefetch: ReadonlyMap<PrefetchKey, unknown>,
  asOf: number,
): AllergyFact[] {
  const out: AllergyFact[] = [];
  for (const e of entriesOf(prefetch, 'allergies', 'AllergyIntolerance')) {
    const r = e.resource;
    const clinical = statusCode(r['clinicalStatus']);
    if (clinical !== undefined && clinical !== 'active') continue;
    if (REFUTED.has(statusCode(r['verificationStatus']) ?? '')) continue;
    if (isFuture(parseFhirTime(r['recordedDate']), asOf)) continue;
    const concept = r['code'];
    const { ingredients, classes } = splitSubstances(c, substancesOfConcept(c, concept));
    out.push({
      path: e.path,
      label: conceptLabel(concept),
      intolerance: r['type'] === 'intolerance',
      ingredients,
      classes,
    });
  }
  return out;
}

const ACTIVE_REQUEST = new Set(['active', 'on-hold']);
const ACTIVE_STATEMENT = new Set(['active', 'intended', 'on-hold']);

export function readMedicines(
  c: CompiledCatalogue,
  prefetch: ReadonlyMap<PrefetchKey, unknown>,
  index: MedicationIndex,
  asOf: number,
): MedicineFact[] {
  const out: MedicineFact[] = [];
  for (const e of entriesOf(prefetch, 'medications', ['MedicationRequest', 'MedicationStatement'])) {
    const r = e.resource;
    const isRequest = r['resourceType'] === 'MedicationRequest';
    const status = str(r['status']) ?? '';
    if (!(isRequest ? ACTIVE_REQUEST : ACTIVE_STATEMENT).has(status)) continue;
    const time = isRequest
      ? parseFhirTime(r['authoredOn'])
      : (parseFhirTime(r['effectiveDateTime']) ??
        parseFhirTime(obj(r['effectivePeriod'])?.['start']) ??
        parseFhirTime(r['dateAsserted']));
    if (isFuture(time, asOf)) continue;
    const med = readMedication(c, r, index);
    const anticoagulants = med.substances.flatMap((s) => (s.kind === 'anticoagulant' ? [s.id] : []));
    out.push({ path: e.path, label: med.label, anticoagulants });
  }
  return out;
}

const NOT_GIVEN = new Set(['not-done', 'entered-in-error']);

export function readAdministrations(
  c: CompiledCatalogue,
  prefetch: ReadonlyMap<PrefetchKey, unknown>,
  index: MedicationIndex,
  asOf: number,
): AdministrationFact[] {
  const out: AdministrationFact[] = [];
  for (const e of entriesOf(prefetch, 'medicationAdministrations', 'MedicationAdministration')) {
    const r = e.resource;
    if (NOT_GIVEN.has(str(r['status']) ?? '')) continue;
    const time = parseFhirTime(r['effectiveDateTime']) ?? parseFhirTime(obj(r['effectivePeriod'])?.['start']);
    if (isFuture(time, asOf)) continue;
    const med = readMedication(c, r, index);
    const products = med.substances.filter((s) => s.kind === 'product');
    const product = products.length === 1 && products[0] ? c.injectates.get(products[0].id) : undefined;
    const { ingredients, classes } = splitSubstances(c, med.substances);
    const corticosteroid =
      classes.includes('corticosteroid') || ingredients.some((i) => c.data.ingredients[i].class === 'corticosteroid');
    out.push({
      path: e.path,
      label: med.label,
      time,
      product,
      volumeMl: volumeMl(obj(r['dosage'])?.['dose']),
      corticosteroid,
    });
  }
  return out;
}
