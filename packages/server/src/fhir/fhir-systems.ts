// Code systems and URLs the server's FHIR resources use (catalogue.json `systems`, FHIR R4).
import { catalogue, type Side } from '@knotwork/core';

export const SYSTEMS = {
  ...catalogue.systems,
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  allergyClinical: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
  allergyVerification: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification',
} as const;

const LATERALITY: Record<Side, { code: string; display: string }> = Object.fromEntries(
  catalogue.laterality.map((l) => [l.side, { code: l.code, display: l.display }]),
) as Record<Side, { code: string; display: string }>;

/** The laterality extension of SCREENING.md section 2, on a bodySite CodeableConcept. */
export function lateralityExtension(side: Side) {
  const l = LATERALITY[side];
  return {
    url: SYSTEMS.lateralityExtension,
    valueCodeableConcept: { coding: [{ system: SYSTEMS.snomed, code: l.code, display: l.display }] },
  };
}

export function coding(system: string, code: string, display?: string) {
  return display === undefined ? { system, code } : { system, code, display };
}
