// What a medication or allergy concept names (SCREENING.md section 2 "Substances" and section 4
// "Name matching", "Statuses"): known codings and catalogue names in displays and text, united.
import type { CompiledCatalogue, Substance } from '../catalogue/compile-catalogue.js';
import {
  codings,
  conceptTexts,
  conceptLabel,
  obj,
  str,
  bundleEntries,
  resourceType,
  type Json,
} from '../fhir/read-fhir.js';

export function substancesOfConcept(c: CompiledCatalogue, concept: unknown): Substance[] {
  const found: Substance[] = [];
  for (const coding of codings(concept)) {
    if (coding.system === undefined || coding.code === undefined) continue;
    for (const s of c.substanceByCoding.get(`${coding.system}|${coding.code}`) ?? []) {
      if (!found.includes(s)) found.push(s);
    }
  }
  for (const text of conceptTexts(concept)) {
    for (const s of c.names.match(text)) if (!found.includes(s)) found.push(s);
  }
  return found;
}

/** Medications that a `medicationReference` may point at, by `fullUrl` and `Medication/id`. */
export type MedicationIndex = ReadonlyMap<string, Json>;

export function indexMedications(bundles: readonly { bundle: unknown; path: string }[]): MedicationIndex {
  const index = new Map<string, Json>();
  for (const { bundle, path } of bundles) {
    for (const e of bundleEntries(bundle, path)) {
      if (resourceType(e.resource) !== 'Medication') continue;
      if (e.fullUrl) index.set(e.fullUrl, e.resource);
      const id = str(e.resource['id']);
      if (id) index.set(`Medication/${id}`, e.resource);
    }
  }
  return index;
}

export interface MedicationRead {
  readonly substances: Substance[];
  readonly label: string;
}

/**
 * The substances of a resource's medication[x]: the CodeableConcept, else the reference resolved
 * against contained resources (`#id`), then the index; when that fails or names nothing, the
 * reference's display.
 */
export function readMedication(c: CompiledCatalogue, resource: Json, index: MedicationIndex): MedicationRead {
  const concept = resource['medicationCodeableConcept'];
  if (concept !== undefined) return { substances: substancesOfConcept(c, concept), label: conceptLabel(concept) };
  const ref = obj(resource['medicationReference']);
  if (!ref) return { substances: [], label: '(no medication)' };
  const target = str(ref['reference']);
  let medication: Json | undefined;
  if (target?.startsWith('#')) {
    const id = target.slice(1);
    for (const contained of Array.isArray(resource['contained']) ? resource['contained'] : []) {
      const m = obj(contained);
      if (m && m['resourceType'] === 'Medication' && m['id'] === id) medication = m;
    }
  } else if (target) {
    medication = index.get(target);
  }
  if (medication) {
    const substances = substancesOfConcept(c, medication['code']);
    if (substances.length > 0) return { substances, label: conceptLabel(medication['code']) };
  }
  const display = str(ref['display']);
  if (display) return { substances: substancesOfConcept(c, { text: display }), label: display };
  return { substances: [], label: target ?? '(unresolved medication)' };
}
