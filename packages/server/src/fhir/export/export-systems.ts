// The code systems and fixed codes the FHIR export adds to fhir-systems.ts, each with its source
// (REFERENCE.md section 8 and reference.json `terminology`, or the FHIR R4 specification).
import { catalogue, complicationType, type Side } from '@knotwork/core';
import { coding, lateralityExtension, SYSTEMS } from '../fhir-systems.js';

export const EXPORT_SYSTEMS = {
  /** reference.json terminology.code_systems.ae_severity [FHIR_R4]. */
  aeSeverity: 'http://terminology.hl7.org/CodeSystem/adverse-event-severity',
  aeSeriousness: 'http://terminology.hl7.org/CodeSystem/adverse-event-seriousness',
  /** The complication catalogue (reference.json `complications`) as a Knotwork code system. */
  complication: 'https://knotwork.dev/fhir/CodeSystem/complication',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  consentScope: 'http://terminology.hl7.org/CodeSystem/consentscope',
  consentCategory: 'http://terminology.hl7.org/CodeSystem/consentcategorycodes',
  provenanceParticipant: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type',
  dataOperation: 'http://terminology.hl7.org/CodeSystem/v3-DataOperation',
  signatureType: 'urn:iso-astm:E1762-95:2013',
  /** Where a consent's signed form version is described (the consent form's `version`). */
  consentForm: 'https://knotwork.dev/fhir/consent-form',
} as const;

/** reference.json terminology.route: SNOMED 78421000 "Intramuscular route (qualifier value)" [SNOMED_SRC]. */
export const INTRAMUSCULAR = {
  coding: [coding(SYSTEMS.snomed, '78421000', 'Intramuscular route (qualifier value)')],
  text: 'Intramuscular',
};

/** reference.json outcome_measures nrs_pain: LOINC 72514-3 [LOINC_SRC]. */
export const PAIN_NRS = {
  coding: [coding(SYSTEMS.loinc, '72514-3', 'Pain severity - 0-10 verbal numeric rating [Score] - Reported')],
  text: 'Pain NRS (0-10)',
};

/** A trigger point injection: CPT 20552/20553 when coded [CPTA], and always Knotwork's own code. */
export const KNOTWORK_TPI = coding(SYSTEMS.procedure, 'trigger-point-injection', 'Trigger point injection');

/** A muscle on a side as a bodySite: the catalogue code, its SNOMED structure code(s), the laterality extension. */
export function muscleSite(muscle: string, side: Side) {
  const m = catalogue.muscles.find((x) => x.code === muscle);
  const snomed = (m?.snomed ?? []).map((code) => coding(SYSTEMS.snomed, code));
  return {
    coding: [coding(SYSTEMS.muscle, muscle, m?.display), ...snomed],
    text: `${m?.display ?? muscle} (${side})`,
    extension: [lateralityExtension(side)],
  };
}

/** A complication type as a CodeableConcept: the catalogue code and its label. */
export function complicationConcept(type: string) {
  const info = complicationType(type);
  return { coding: [coding(EXPORT_SYSTEMS.complication, type, info?.label)], text: info?.label ?? type };
}
