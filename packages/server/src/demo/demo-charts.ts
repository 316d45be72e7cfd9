// The demo clinic's patients: a dozen realistic charts that, between them, raise every finding of
// the screening contract (SCREENING.md section 3), dated relative to "now" so that the findings
// that depend on time (fever in 24 h, INR in 7 or 30 days, steroid in 42 days) stay true whenever
// the demo is started. Names and identifiers are invented.
import type { Chart, ChartCondition, ChartMedicine, ChartObservation } from '../fhir/chart.js';

const DAY = 86_400_000;

export interface DemoPatient {
  readonly chart: Chart;
  /** What this chart shows in a screen, for the README and the demo's patient list. */
  readonly shows: string;
}

function isoBefore(now: number, days: number): string {
  return new Date(now - days * DAY).toISOString();
}

export function demoPatients(now: number): DemoPatient[] {
  const at = (days: number) => isoBefore(now, days);
  let n = 0;
  const id = (prefix: string) => `${prefix}-${++n}`;
  const condition = (
    icd10: string,
    display: string,
    daysAgo: number,
    extra: Partial<ChartCondition> = {},
  ): ChartCondition => ({
    id: id('cond'),
    icd10,
    display,
    clinicalStatus: 'active',
    verificationStatus: 'confirmed',
    onset: at(daysAgo).slice(0, 10),
    ...extra,
  });
  const med = (rxnorm: string, display: string, extra: Partial<ChartMedicine> = {}): ChartMedicine => ({
    id: id('med'),
    rxnorm,
    display,
    status: 'active',
    assertedAt: at(30),
    ...extra,
  });
  const obs = (loinc: string, display: string, quantity: number, unit: string, daysAgo: number): ChartObservation => ({
    id: id('obs'),
    loinc,
    display,
    value: { quantity, unit },
    at: at(daysAgo),
    status: 'final',
  });
  const weight = (kg: number, daysAgo = 7) => obs('29463-7', 'Body weight', kg, 'kg', daysAgo);
  const temperature = (c: number, hoursAgo = 1) => obs('8310-5', 'Body temperature', c, 'Cel', hoursAgo / 24);
  const pain = (score: number, daysAgo = 7) => obs('72514-3', 'Pain severity 0-10', score, '{score}', daysAgo);
  const patient = (mrn: string, family: string, given: string, birthDate: string, sex: 'female' | 'male') => ({
    id: id('pat'),
    identifiers: [{ system: 'https://knotwork.dev/fhir/demo-mrn', value: mrn }],
    family,
    given: [given],
    birthDate,
    sex,
  });
  const reviewed = { allergiesReviewedAt: at(2), medicationsReconciledAt: at(2) };
  const none = { allergies: [], medicines: [], administrations: [] };

  return [
    {
      shows: 'a clean screen: neck myofascial pain, weight recorded, no known allergies',
      chart: {
        patient: patient('KW-1001', 'Okafor', 'Ada', '1978-04-02', 'female'),
        ...reviewed,
        ...none,
        conditions: [
          condition('M79.12', 'Myalgia of auxiliary muscles, head and neck', 60),
          condition('M54.2', 'Cervicalgia', 90),
        ],
        observations: [weight(68), temperature(36.7), pain(7)],
      },
    },
    {
      shows: 'a lidocaine allergy (drug-allergy, critical) and a paraben intolerance',
      chart: {
        patient: patient('KW-1002', 'Hartley', 'Ben', '1969-11-18', 'male'),
        ...reviewed,
        allergies: [
          {
            id: id('alg'),
            substance: { kind: 'ingredient', code: 'lidocaine', text: 'Lidocaine' },
            type: 'allergy',
            criticality: 'high',
            clinicalStatus: 'active',
            verificationStatus: 'confirmed',
            recordedAt: at(800),
          },
          {
            id: id('alg'),
            substance: { kind: 'class', code: 'paraben', text: 'Parabens' },
            type: 'intolerance',
            clinicalStatus: 'active',
            verificationStatus: 'unconfirmed',
            recordedAt: at(400),
          },
        ],
        medicines: [med('29046', 'Lisinopril 10 MG Oral Tablet')],
        administrations: [],
        conditions: [
          condition('M79.18', 'Myalgia, other site', 45),
          condition('I10', 'Essential (primary) hypertension', 2000),
        ],
        observations: [weight(91), pain(6)],
      },
    },
    {
      shows: 'cellulitis of the left upper back (skin infection at a left rhomboid or trapezius site)',
      chart: {
        patient: patient('KW-1003', 'Díaz', 'Carmen', '1985-06-30', 'female'),
        ...reviewed,
        ...none,
        conditions: [
          condition('M79.18', 'Myalgia, other site', 70),
          condition('L03.312', 'Cellulitis of back [any part except buttock]', 3, {
            bodySite: { region: 'upper-back', side: 'left' },
          }),
        ],
        observations: [weight(59), temperature(37.2), pain(8)],
      },
    },
    {
      shows: 'warfarin with an INR of 3.4 yesterday (bleeding-risk, critical; anticoagulant)',
      chart: {
        patient: patient('KW-1004', 'Kim', 'David', '1951-02-14', 'male'),
        ...reviewed,
        allergies: [],
        administrations: [],
        medicines: [med('11289', 'Warfarin Sodium 5 MG Oral Tablet')],
        conditions: [
          condition('M54.6', 'Pain in thoracic spine', 120),
          condition('I48.91', 'Unspecified atrial fibrillation', 1500),
        ],
        observations: [
          weight(77),
          obs('6301-6', 'INR in Platelet poor plasma by Coagulation assay', 3.4, '{INR}', 1),
          pain(5),
        ],
      },
    },
    {
      shows: 'apixaban (anticoagulant, warning) and fibromyalgia',
      chart: {
        patient: patient('KW-1005', 'Papadopoulos', 'Eleni', '1962-09-09', 'female'),
        ...reviewed,
        allergies: [],
        administrations: [],
        medicines: [
          med('1364430', 'apixaban 5 MG Oral Tablet'),
          med('1191', 'Aspirin 81 MG Oral Tablet', { status: 'stopped' }),
        ],
        conditions: [
          condition('M79.7', 'Fibromyalgia', 900),
          condition('Z86.718', 'Personal history of other venous thrombosis and embolism', 700),
        ],
        observations: [weight(64), pain(7)],
      },
    },
    {
      shows: 'pregnancy, 20 weeks (pregnancy, warning); pregnancy status answered pregnant',
      chart: {
        patient: patient('KW-1006', 'Ahmed', 'Farah', '1994-01-22', 'female'),
        ...reviewed,
        ...none,
        conditions: [
          condition('Z34.02', 'Encounter for supervision of normal first pregnancy, second trimester', 140),
          condition('M54.2', 'Cervicalgia', 30),
        ],
        observations: [
          weight(71),
          {
            id: id('obs'),
            loinc: '82810-3',
            display: 'Pregnancy status',
            value: { system: 'http://snomed.info/sct', code: '77386006', display: 'Pregnant' },
            at: at(3),
            status: 'final',
          },
        ],
      },
    },
    {
      shows:
        'type 2 diabetes with three steroid injections this year, the last 30 days ago (steroid interval, frequency, diabetes)',
      chart: {
        patient: patient('KW-1007', 'Müller', 'Georg', '1958-12-03', 'male'),
        ...reviewed,
        allergies: [],
        medicines: [med('6809', 'Metformin hydrochloride 500 MG Oral Tablet')],
        administrations: [
          { id: id('adm'), injectate: 'triamcinolone-40', volumeMl: 1, at: at(30), status: 'completed' },
          {
            id: id('adm'),
            text: 'Depo-Medrol 40 mg, given at another clinic',
            volumeMl: 1,
            at: at(150).slice(0, 10),
            status: 'completed',
          },
          { id: id('adm'), injectate: 'triamcinolone-40', volumeMl: 1, at: at(280), status: 'completed' },
        ],
        conditions: [
          condition('M54.50', 'Low back pain, unspecified', 400),
          condition('E11.9', 'Type 2 diabetes mellitus without complications', 3000),
        ],
        observations: [weight(96), pain(6), obs('4548-4', 'Hemoglobin A1c', 7.8, '%', 60)],
      },
    },
    {
      shows: 'a fever of 38.4 °C two hours ago (systemic illness, critical)',
      chart: {
        patient: patient('KW-1008', 'Sato', 'Hana', '1990-07-15', 'female'),
        ...reviewed,
        ...none,
        conditions: [condition('G44.209', 'Tension-type headache, unspecified, not intractable', 200)],
        observations: [weight(55), temperature(38.4, 2), temperature(37.1, 20), pain(6)],
      },
    },
    {
      shows: 'immune thrombocytopenia with platelets of 35 (bleeding disorder, warning)',
      chart: {
        patient: patient('KW-1009', 'Petrov', 'Ivan', '1975-03-27', 'male'),
        ...reviewed,
        ...none,
        conditions: [
          condition('M62.830', 'Muscle spasm of back', 40),
          condition('D69.3', 'Immune thrombocytopenic purpura', 1100),
        ],
        observations: [weight(83), obs('777-3', 'Platelets [#/volume] in Blood by Automated count', 35, '10*3/uL', 5)],
      },
    },
    {
      shows: 'allergies never asked, medicines never reconciled and no weight (missing data)',
      chart: {
        patient: patient('KW-1010', 'Novak', 'Julia', '1982-10-05', 'female'),
        allergiesReviewedAt: null,
        medicationsReconciledAt: null,
        ...none,
        conditions: [condition('M54.50', 'Low back pain, unspecified', 25)],
        observations: [pain(8, 1)],
      },
    },
    {
      shows: 'fainting at a blood test and fear of needles (vasovagal risk, info)',
      chart: {
        patient: patient('KW-1011', 'Mensah', 'Kwame', '1988-05-19', 'male'),
        ...reviewed,
        ...none,
        conditions: [
          condition('G44.229', 'Chronic tension-type headache, not intractable', 500),
          condition('R55', 'Syncope and collapse', 900, { clinicalStatus: 'resolved' }),
          condition('F40.232', 'Fear of other medical care', 900),
        ],
        observations: [weight(80), pain(5)],
      },
    },
    {
      shows: 'a kidney transplant on tacrolimus (immunosuppression) and a Novocaine (ester) allergy: amides are fine',
      chart: {
        patient: patient('KW-1012', 'Rossi', 'Lucia', '1971-08-08', 'female'),
        ...reviewed,
        allergies: [
          {
            id: id('alg'),
            substance: { kind: 'text', text: 'Novocaine' },
            type: 'allergy',
            clinicalStatus: 'active',
            verificationStatus: 'confirmed',
            recordedAt: at(3000),
          },
        ],
        medicines: [med('42316', 'Tacrolimus 1 MG Oral Capsule'), med('5492', 'Prednisone 5 MG Oral Tablet')],
        administrations: [],
        conditions: [
          condition('M79.18', 'Myalgia, other site', 50),
          condition('Z94.0', 'Kidney transplant status', 2500),
        ],
        observations: [weight(62), pain(6)],
      },
    },
    {
      shows: 'a sulfite allergy: an epinephrine product is refused, plain lidocaine is fine',
      chart: {
        patient: patient('KW-1013', 'Silva', 'Mateo', '1999-12-12', 'male'),
        ...reviewed,
        allergies: [
          {
            id: id('alg'),
            substance: { kind: 'class', code: 'sulfite', text: 'Sulfites' },
            type: 'allergy',
            clinicalStatus: 'active',
            verificationStatus: 'confirmed',
            recordedAt: at(600),
          },
        ],
        medicines: [],
        administrations: [],
        conditions: [condition('S16.1XXA', 'Strain of muscle, fascia and tendon at neck level, initial encounter', 10)],
        observations: [weight(74), pain(7)],
      },
    },
  ];
}
