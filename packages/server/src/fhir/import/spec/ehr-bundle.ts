// A chart as an EHR sends it for import (issue 5, item 3), in the shapes EHRs use: a medical record
// number, ICD-10-CM and SNOMED CT conditions (one with an identifier, one without), RxNorm and
// SNOMED-only allergies, a statement and a prescription (one with a local code only), and
// observations the screen reads (weight, INR) beside one it does not (HbA1c).
export const MRN = 'urn:oid:2.16.840.1.113883.19.5.99';
export const EHR_IDS = 'https://ehr.example/fhir/ids';
const SNOMED = 'http://snomed.info/sct';
const ICD10 = 'http://hl7.org/fhir/sid/icd-10-cm';
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const LOINC = 'http://loinc.org';
const status = (system: string, code: string) => ({ coding: [{ system, code }] });
const CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const VERIFY = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';
const ALLERGY_CLINICAL = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical';

export function ehrBundle(options: { mrn?: string; type?: 'transaction' | 'collection'; painStatus?: string } = {}) {
  const subject = { reference: 'urn:uuid:7d1c1a52-5b1e-4c8e-9f3e-000000000001' };
  const entry = (resource: Record<string, unknown>, fullUrl?: string) => ({
    ...(fullUrl ? { fullUrl } : {}),
    resource,
    ...(options.type === 'transaction' ? { request: { method: 'POST', url: resource['resourceType'] } } : {}),
  });
  return {
    resourceType: 'Bundle',
    type: options.type ?? 'transaction',
    entry: [
      entry(
        {
          resourceType: 'Patient',
          identifier: [{ system: MRN, value: options.mrn ?? 'MRN-00042' }],
          name: [{ family: 'Okafor', given: ['Adaeze', 'Ngozi'] }],
          birthDate: '1971-04-09',
          gender: 'female',
        },
        subject.reference,
      ),
      entry({
        resourceType: 'Condition',
        identifier: [{ system: EHR_IDS, value: 'cond-1' }],
        subject,
        clinicalStatus: status(CLINICAL, options.painStatus ?? 'active'),
        verificationStatus: status(VERIFY, 'confirmed'),
        code: {
          coding: [
            { system: ICD10, code: 'M79.18', display: 'Myalgia, other site' },
            { system: SNOMED, code: '68962001', display: 'Muscle pain' },
          ],
          text: 'Myofascial pain, upper trapezius',
        },
        onsetDateTime: '2025-09-01',
      }),
      entry({
        resourceType: 'Condition',
        subject,
        clinicalStatus: status(CLINICAL, 'active'),
        code: {
          coding: [{ system: SNOMED, code: '38341003', display: 'Hypertensive disorder' }],
          text: 'Hypertension',
        },
        onsetDateTime: '2019-03',
      }),
      entry({
        resourceType: 'AllergyIntolerance',
        identifier: [{ system: EHR_IDS, value: 'alg-1' }],
        patient: subject,
        clinicalStatus: status(ALLERGY_CLINICAL, 'active'),
        type: 'allergy',
        criticality: 'high',
        code: { coding: [{ system: RXNORM, code: '6387', display: 'lidocaine' }], text: 'Lidocaine' },
      }),
      entry({
        resourceType: 'AllergyIntolerance',
        patient: subject,
        code: { coding: [{ system: SNOMED, code: '111088007', display: 'Latex' }], text: 'Latex gloves' },
      }),
      entry({
        resourceType: 'MedicationStatement',
        identifier: [{ system: EHR_IDS, value: 'med-1' }],
        subject,
        status: 'active',
        medicationCodeableConcept: {
          coding: [{ system: RXNORM, code: '855332', display: 'warfarin sodium 5 MG Oral Tablet' }],
        },
        dateAsserted: '2026-10-01T09:00:00Z',
      }),
      entry({
        resourceType: 'MedicationRequest',
        subject,
        status: 'active',
        intent: 'order',
        medicationCodeableConcept: {
          coding: [{ system: 'https://ehr.example/fhir/formulary', code: 'F-2231', display: 'Paracetamol 500 mg' }],
          text: 'Paracetamol 500 mg tablets',
        },
        authoredOn: '2026-09-15',
      }),
      entry({
        resourceType: 'Observation',
        subject,
        status: 'final',
        code: { coding: [{ system: LOINC, code: '29463-7', display: 'Body weight' }] },
        effectiveDateTime: '2026-11-20T10:15:00+01:00',
        valueQuantity: { value: 72.5, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' },
      }),
      entry({
        resourceType: 'Observation',
        identifier: [{ system: EHR_IDS, value: 'obs-inr-1' }],
        subject,
        status: 'final',
        code: { coding: [{ system: LOINC, code: '6301-6', display: 'INR' }] },
        effectiveDateTime: '2026-11-24T08:00:00Z',
        valueQuantity: { value: 2.4, unit: 'INR', system: 'http://unitsofmeasure.org', code: '{INR}' },
      }),
      entry({
        resourceType: 'Observation',
        subject,
        status: 'final',
        code: { coding: [{ system: LOINC, code: '4548-4', display: 'Hemoglobin A1c/Hemoglobin.total in Blood' }] },
        effectiveDateTime: '2026-10-02',
        valueQuantity: { value: 6.1, unit: '%', system: 'http://unitsofmeasure.org', code: '%' },
      }),
    ],
  };
}
