// How an imported chart entry is recognised when the same EHR sends it again (issue 5, item 3:
// "matched on identifiers so a repeat import changes nothing"), always within one patient:
//
// 1. By the EHR's business identifier: the first `identifier` with both system and value gives
//    `id|<system>|<value>`. An EHR that sends identifiers can change anything else (status, dates,
//    wording) and the entry is updated in place.
// 2. When it sends none, by a stable key of what the entry is and when, `key|...`:
//    - Condition: its primary code (the ICD-10-CM coding, else the first coding with a system and
//      code, else the text, lower-cased) and onsetDateTime: the same diagnosis starting at another
//      time is another episode.
//    - AllergyIntolerance: its primary substance code (RxNorm, a Knotwork injectate or substance
//      class, else the first coding, else the text): one allergy per substance, whose status and
//      criticality an import may update.
//    - MedicationStatement/MedicationRequest: its primary code (RxNorm, else the first coding, else
//      the text) and when it was asserted (dateAsserted, authoredOn or the effective start, the one
//      stored): a medicine restarted later is another entry.
//    - Observation: its LOINC code and effective instant (normalised to UTC): one value per test per
//      moment, which a corrected result replaces.
// The key uses only what Knotwork stores and emits again, so a Bundle exported by Knotwork and
// imported elsewhere matches the same way (the round trip). Status, display text and values are not
// part of it: they are what an update changes. The resource's logical id is not used: it is the
// EHR's server id, which another export of the same record need not keep.
import { readFhir } from '@knotwork/core';
import { SYSTEMS } from '../fhir-systems.js';

const { codings, obj, str, arr } = readFhir;

export function identifierKey(identifiers: unknown): string | undefined {
  for (const i of arr(identifiers)) {
    const system = str(obj(i)?.['system']);
    const value = str(obj(i)?.['value']);
    if (system && value) return `id|${system}|${value}`;
  }
  return undefined;
}

/** The concept's code in the first of `preferred` systems it has, else its first coding, else its text. */
export function primaryCode(concept: unknown, preferred: readonly string[]): string | undefined {
  const all = codings(concept).filter((c) => c.system && c.code);
  for (const system of preferred) {
    const c = all.find((x) => x.system === system);
    if (c) return `${system}#${c.code}`;
  }
  const first = all[0];
  if (first) return `${first.system}#${first.code}`;
  const text = str(obj(concept)?.['text'])?.trim().toLowerCase();
  return text ? `text#${text}` : undefined;
}

export const CONDITION_SYSTEMS = [SYSTEMS.icd10cm];
export const SUBSTANCE_SYSTEMS = [SYSTEMS.rxnorm, SYSTEMS.injectate, SYSTEMS.substanceClass];
export const MEDICINE_SYSTEMS = [SYSTEMS.rxnorm];

export function stableKey(parts: readonly (string | undefined)[]): string {
  return `key|${parts.map((p) => p ?? '').join('|')}`;
}
