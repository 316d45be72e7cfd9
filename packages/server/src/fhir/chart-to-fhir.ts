// The chart as FHIR R4 resources, the way SCREENING.md section 2 reads them (and, later, the way
// the FHIR export sends them). Pure mapping: no storage, no clock.
import type {
  AllergyIntolerance,
  Condition,
  MedicationAdministration,
  MedicationStatement,
  Observation,
  Patient,
} from '@medplum/fhirtypes';
import { catalogue } from '@knotwork/core';
import type {
  ChartAdministration,
  ChartAllergy,
  ChartBodySite,
  ChartCondition,
  ChartMedicine,
  ChartObservation,
  ChartPatient,
} from './chart.js';
import { coding, lateralityExtension, SYSTEMS } from './fhir-systems.js';

const ref = (patient: ChartPatient) => ({ reference: `Patient/${patient.id}` });

export function patientResource(p: ChartPatient): Patient {
  return {
    resourceType: 'Patient',
    id: p.id,
    identifier: p.identifiers.map((i) => ({ system: i.system, value: i.value })),
    name: [{ family: p.family, given: [...p.given] }],
    ...(p.birthDate ? { birthDate: p.birthDate } : {}),
    ...(p.sex ? { gender: p.sex } : {}),
  };
}

function bodySite(site: ChartBodySite) {
  const codings = [];
  if (site.muscle) {
    const m = catalogue.muscles.find((x) => x.code === site.muscle);
    codings.push(coding(SYSTEMS.muscle, site.muscle, m?.display));
  }
  if (site.region) codings.push(coding(SYSTEMS.bodyRegion, site.region));
  return { coding: codings, ...(site.side ? { extension: [lateralityExtension(site.side)] } : {}) };
}

export function conditionResource(patient: ChartPatient, c: ChartCondition): Condition {
  return {
    resourceType: 'Condition',
    id: c.id,
    subject: ref(patient),
    clinicalStatus: { coding: [coding(SYSTEMS.conditionClinical, c.clinicalStatus)] },
    verificationStatus: { coding: [coding(SYSTEMS.conditionVerification, c.verificationStatus)] },
    // A condition imported with no ICD-10-CM code (only the EHR's SNOMED CT, say) goes by its words.
    code: c.icd10 ? { coding: [coding(SYSTEMS.icd10cm, c.icd10, c.display)], text: c.display } : { text: c.display },
    ...(c.onset ? { onsetDateTime: c.onset } : {}),
    ...(c.recordedAt ? { recordedDate: c.recordedAt } : {}),
    ...(c.bodySite ? { bodySite: [bodySite(c.bodySite)] } : {}),
  };
}

function allergyCode(a: ChartAllergy) {
  const s = a.substance;
  switch (s.kind) {
    case 'text':
      return { text: s.text };
    case 'rxnorm':
      return { coding: [coding(SYSTEMS.rxnorm, s.code, s.text)], text: s.text };
    case 'injectate':
      return { coding: [coding(SYSTEMS.injectate, s.code, s.text)], text: s.text };
    case 'class':
      return { coding: [coding(SYSTEMS.substanceClass, s.code, s.text)], text: s.text };
    case 'ingredient': {
      const ing = (catalogue.ingredients as Record<string, { rxnorm: readonly string[] }>)[s.code];
      const rx = ing?.rxnorm[0];
      // An ingredient without a checked RxNorm code is sent by name, which the screen matches.
      return rx ? { coding: [coding(SYSTEMS.rxnorm, rx, s.text)], text: s.text } : { text: s.text };
    }
  }
}

export function allergyResource(patient: ChartPatient, a: ChartAllergy): AllergyIntolerance {
  return {
    resourceType: 'AllergyIntolerance',
    id: a.id,
    patient: ref(patient),
    type: a.type,
    category: ['medication'],
    ...(a.criticality ? { criticality: a.criticality } : {}),
    clinicalStatus: { coding: [coding(SYSTEMS.allergyClinical, a.clinicalStatus)] },
    verificationStatus: { coding: [coding(SYSTEMS.allergyVerification, a.verificationStatus)] },
    code: allergyCode(a),
    ...(a.recordedAt ? { recordedDate: a.recordedAt } : {}),
  };
}

export function medicineResource(patient: ChartPatient, m: ChartMedicine): MedicationStatement {
  return {
    resourceType: 'MedicationStatement',
    id: m.id,
    subject: ref(patient),
    status: m.status,
    medicationCodeableConcept: m.rxnorm
      ? { coding: [coding(SYSTEMS.rxnorm, m.rxnorm, m.display)], text: m.display }
      : { text: m.display },
    ...(m.assertedAt ? { dateAsserted: m.assertedAt } : {}),
  };
}

export function observationResource(patient: ChartPatient, o: ChartObservation): Observation {
  const value =
    'quantity' in o.value
      ? { valueQuantity: { value: o.value.quantity, unit: o.value.unit, system: SYSTEMS.ucum, code: o.value.unit } }
      : { valueCodeableConcept: { coding: [coding(o.value.system, o.value.code, o.value.display)] } };
  return {
    resourceType: 'Observation',
    id: o.id,
    status: o.status,
    subject: ref(patient),
    code: { coding: [coding(SYSTEMS.loinc, o.loinc, o.display)] },
    effectiveDateTime: o.at,
    ...value,
  };
}

export function administrationResource(patient: ChartPatient, a: ChartAdministration): MedicationAdministration {
  const product = a.injectate ? catalogue.injectates.find((i) => i.code === a.injectate) : undefined;
  const text = a.text ?? product?.display ?? 'unknown product';
  return {
    resourceType: 'MedicationAdministration',
    id: a.id,
    status: a.status,
    subject: ref(patient),
    medicationCodeableConcept: a.injectate
      ? { coding: [coding(SYSTEMS.injectate, a.injectate, product?.display)], text }
      : { text },
    effectiveDateTime: a.at,
    ...(a.volumeMl !== undefined
      ? { dosage: { dose: { value: a.volumeMl, unit: 'mL', system: SYSTEMS.ucum, code: 'mL' } } }
      : {}),
  };
}
