// A realistic CDS Hooks screening request for the benchmark (issue 2): 10 conditions, 5 allergies,
// 8 medicines, 20 observations, 4 planned sites and 3 products, shaped as an EHR sends them.
const SYS = {
  cpt: 'http://www.ama-assn.org/go/cpt',
  muscle: 'https://knotwork.dev/fhir/CodeSystem/muscle',
  injectate: 'https://knotwork.dev/fhir/CodeSystem/injectate',
  laterality: 'https://knotwork.dev/fhir/StructureDefinition/laterality',
  snomed: 'http://snomed.info/sct',
  icd: 'http://hl7.org/fhir/sid/icd-10-cm',
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  loinc: 'http://loinc.org',
  ucum: 'http://unitsofmeasure.org',
};
const patient = { reference: 'Patient/p1' };
const bundle = (resources: object[]) => ({
  resourceType: 'Bundle',
  type: 'searchset',
  entry: resources.map((resource) => ({ resource })),
});
const status = (system: string, code: string) => ({ coding: [{ system, code }] });

const conditions: [string, string, string][] = [
  ['M79.18', 'Myalgia, other site', 'active'],
  ['M54.2', 'Cervicalgia', 'active'],
  ['G44.209', 'Tension-type headache, unspecified, not intractable', 'active'],
  ['M62.830', 'Muscle spasm of back', 'active'],
  ['E11.9', 'Type 2 diabetes mellitus without complications', 'active'],
  ['I10', 'Essential (primary) hypertension', 'active'],
  ['J45.909', 'Unspecified asthma, uncomplicated', 'active'],
  ['K21.9', 'Gastro-esophageal reflux disease without esophagitis', 'active'],
  ['F41.1', 'Generalized anxiety disorder', 'active'],
  ['R55', 'Syncope and collapse', 'resolved'],
];
const allergies = [
  { code: { coding: [{ system: SYS.rxnorm, code: '7980', display: 'Penicillin G' }] }, type: 'allergy' },
  { code: { text: 'Sulfonamide antibiotics' }, type: 'allergy' },
  { code: { coding: [{ system: SYS.rxnorm, code: '2670', display: 'Codeine' }] }, type: 'intolerance' },
  { code: { coding: [{ system: SYS.snomed, code: '111088007', display: 'Latex' }] }, type: 'allergy' },
  { code: { text: 'Novocaine' }, type: 'allergy' },
];
const medicines: [string, string][] = [
  ['1191', 'Aspirin 81 MG Oral Tablet'],
  ['6809', 'Metformin 500 MG Oral Tablet'],
  ['29046', 'Lisinopril 10 MG Oral Tablet'],
  ['83367', 'Atorvastatin 20 MG Oral Tablet'],
  ['7646', 'Omeprazole 20 MG Delayed Release Oral Capsule'],
  ['36437', 'Sertraline 50 MG Oral Tablet'],
  ['5640', 'Ibuprofen 400 MG Oral Tablet'],
  ['745679', 'Albuterol 0.09 MG/ACTUAT Metered Dose Inhaler'],
];
const observations: [string, string, number, string, number][] = [];
for (let i = 0; i < 4; i++) observations.push(['29463-7', 'Body weight', 82 - i * 0.4, 'kg', 10 + i * 30]);
for (let i = 0; i < 6; i++) observations.push(['8310-5', 'Body temperature', 36.6 + (i % 3) * 0.2, 'Cel', i * 4]);
for (let i = 0; i < 3; i++) observations.push(['6301-6', 'INR', 1.0 + i * 0.1, '{INR}', 5 + i * 40]);
for (let i = 0; i < 3; i++) observations.push(['777-3', 'Platelets', 240 - i * 10, '10*3/uL', 5 + i * 40]);
for (let i = 0; i < 4; i++) observations.push(['72514-3', 'Pain severity 0-10', 7 - i, '{score}', 7 + i * 14]);

export function realisticRequest(asOf: string): object {
  const at = (hoursBefore: number) => new Date(Date.parse(asOf) - hoursBefore * 3_600_000).toISOString();
  const site = (code: string, side: string) => ({
    coding: [{ system: SYS.muscle, code }],
    extension: [{ url: SYS.laterality, valueCodeableConcept: { coding: [{ system: SYS.snomed, code: side }] } }],
  });
  const order = (id: string, code: string, ml: number) => ({
    resourceType: 'MedicationRequest',
    id,
    status: 'draft',
    intent: 'order',
    subject: patient,
    medicationCodeableConcept: { coding: [{ system: SYS.injectate, code }] },
    dosageInstruction: [{ doseAndRate: [{ doseQuantity: { value: ml, unit: 'mL', system: SYS.ucum, code: 'mL' } }] }],
  });
  return {
    hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
    hook: 'order-sign',
    context: {
      userId: 'Practitioner/dr1',
      patientId: 'p1',
      draftOrders: {
        resourceType: 'Bundle',
        type: 'collection',
        entry: [
          {
            resource: {
              resourceType: 'ServiceRequest',
              id: 'sr1',
              status: 'draft',
              intent: 'order',
              subject: patient,
              code: { coding: [{ system: SYS.cpt, code: '20553' }] },
              bodySite: [
                site('trapezius-upper', '7771000'),
                site('trapezius-upper', '24028007'),
                site('levator-scapulae', '7771000'),
                site('splenius-capitis', '51440002'),
              ],
            },
          },
          { resource: order('mr1', 'lidocaine-1pct', 6) },
          { resource: order('mr2', 'bupivacaine-0.25pct', 6) },
          { resource: order('mr3', 'triamcinolone-40', 1) },
        ],
      },
    },
    prefetch: {
      patient: { resourceType: 'Patient', id: 'p1', gender: 'female', birthDate: '1971-05-14' },
      conditions: bundle(
        conditions.map(([code, display, clinical], i) => ({
          resourceType: 'Condition',
          id: `c${i}`,
          subject: patient,
          clinicalStatus: status('http://terminology.hl7.org/CodeSystem/condition-clinical', clinical),
          verificationStatus: status('http://terminology.hl7.org/CodeSystem/condition-ver-status', 'confirmed'),
          code: { coding: [{ system: SYS.icd, code, display }] },
          onsetDateTime: at(24 * (30 + i * 50)),
        })),
      ),
      allergies: bundle(
        allergies.map((a, i) => ({
          resourceType: 'AllergyIntolerance',
          id: `a${i}`,
          patient,
          clinicalStatus: status('http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', 'active'),
          verificationStatus: status(
            'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification',
            'confirmed',
          ),
          recordedDate: at(24 * 400),
          ...a,
        })),
      ),
      medications: bundle(
        medicines.map(([code, display], i) => ({
          resourceType: 'MedicationRequest',
          id: `m${i}`,
          status: 'active',
          intent: 'order',
          subject: patient,
          medicationCodeableConcept: { coding: [{ system: SYS.rxnorm, code, display }], text: display },
          authoredOn: at(24 * (60 + i * 20)),
        })),
      ),
      observations: bundle(
        observations.map(([code, display, value, unit, hoursBefore], i) => ({
          resourceType: 'Observation',
          id: `o${i}`,
          status: 'final',
          subject: patient,
          code: { coding: [{ system: SYS.loinc, code, display }] },
          effectiveDateTime: at(hoursBefore * 24),
          valueQuantity: { value, unit, system: SYS.ucum, code: unit },
        })),
      ),
      medicationAdministrations: bundle([
        {
          resourceType: 'MedicationAdministration',
          id: 'ma1',
          status: 'completed',
          subject: patient,
          medicationCodeableConcept: { coding: [{ system: SYS.injectate, code: 'methylprednisolone-40' }] },
          effectiveDateTime: at(24 * 120),
          dosage: { dose: { value: 1, unit: 'mL', system: SYS.ucum, code: 'mL' } },
        },
      ]),
    },
  };
}
