// A synthetic clinic, drawn from a seed (issue 5, item 6): patients with identifiers and charts
// (a TPI indication from the catalogue's indication set, comorbidities, allergies, medicines with
// anticoagulants at CHART_RATES, weights, INRs for warfarin), finished visits with a signed note,
// an administration per injected site and complications at COMPLICATION_RATES. Pure: the same
// seed, count and as-of give the same rows, ids included (a seeded PRNG; no clock, no randomness).
// Generated a patient at a time, so a writer can stream 20,000 patients in batches.
import { createHash } from 'node:crypto';
import { catalogue } from '@knotwork/core';
import { CHART_RATES, COMPLICATION_RATES } from './synthetic-rates.js';

export interface SyntheticOptions {
  readonly seed: number;
  /** The clinical "now": visits fall in the two years before it. */
  readonly asOf: number;
  /**
   * What makes the ids unique to one clinic (its id, for the writer): two clinics drawn from the
   * same seed into one database have the same content under different ids. Default ''.
   */
  readonly idSpace?: string;
}

/** mulberry32: a small, well-distributed 32-bit PRNG; deterministic for a seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Version-4-shaped uuids from a SHA-256 of (id space, seed, patient, counter): unique per clinic. */
function idMaker(idSpace: string, seed: number, n: number): () => string {
  let k = 0;
  return () => {
    const h = createHash('sha256').update(`${idSpace}/${seed}/${n}/${k++}`).digest('hex');
    const variant = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  };
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
const between = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

const FAMILY = [
  'Smith',
  'Okafor',
  'Nguyen',
  'García',
  'Kowalski',
  'Patel',
  'Murphy',
  'Haddad',
  'Johansson',
  'Tanaka',
  'Mensah',
  'Rossi',
  'Dubois',
  'Cohen',
  'Fischer',
  'Silva',
];
const GIVEN_F = [
  'Mary',
  'Adaeze',
  'Linh',
  'Lucía',
  'Anna',
  'Priya',
  'Siobhan',
  'Layla',
  'Ingrid',
  'Yuki',
  'Ama',
  'Giulia',
];
const GIVEN_M = ['John', 'Chidi', 'Minh', 'Javier', 'Piotr', 'Ravi', 'Sean', 'Omar', 'Lars', 'Kenji', 'Kwame', 'Marco'];

/** The catalogue's TPI indication codes, with the words a chart shows for each. */
const INDICATION_WORDS: Readonly<Record<string, string>> = {
  'M79.1': 'Myalgia',
  'M79.7': 'Fibromyalgia',
  'G44.2': 'Tension-type headache',
  'M54.2': 'Cervicalgia',
  'M54.5': 'Low back pain',
  'M54.6': 'Pain in thoracic spine',
  'G89.2': 'Chronic pain, not elsewhere classified',
  'G89.4': 'Chronic pain syndrome',
  'M62.83': 'Muscle spasm',
  'M70.9': 'Soft tissue disorder related to use, overuse and pressure',
  'S16.1': 'Strain of muscle, fascia and tendon at neck level',
  'S29.01': 'Strain of muscle and tendon of back wall of thorax',
  'S39.01': 'Strain of muscle, fascia and tendon of abdomen, lower back and pelvis',
};
const INDICATIONS = catalogue.icd10Sets.indication.map((code) => ({ code, display: INDICATION_WORDS[code] ?? code }));

/** Oral anticoagulants by their catalogue RxNorm ingredient codes, in plausible shares. */
const ANTICOAGULANTS = [
  { rxnorm: catalogue.anticoagulants.apixaban.rxnorm[0], display: 'apixaban 5 MG Oral Tablet', share: 0.45 },
  { rxnorm: catalogue.anticoagulants.rivaroxaban.rxnorm[0], display: 'rivaroxaban 20 MG Oral Tablet', share: 0.25 },
  { rxnorm: catalogue.anticoagulants.warfarin.rxnorm[0], display: 'warfarin sodium 5 MG Oral Tablet', share: 0.3 },
] as const;

const MUSCLES = catalogue.muscles.filter((m) => m.pleuralRisk !== 'high').map((m) => m.code);
const DAY = 86_400_000;

export type SyntheticComplication = keyof typeof COMPLICATION_RATES;

export interface SyntheticPatient {
  readonly id: string;
  readonly mrn: string;
  readonly family: string;
  readonly given: string;
  readonly birthDate: string;
  readonly sex: 'female' | 'male';
  readonly conditions: readonly { id: string; code: string; display: string; onset: string; indication: boolean }[];
  readonly allergies: readonly { id: string; kind: 'ingredient' | 'text'; code: string | null; text: string }[];
  readonly medicines: readonly {
    id: string;
    rxnorm: string | null;
    text: string;
    anticoagulant: boolean;
    assertedAt: number;
  }[];
  readonly observations: readonly {
    id: string;
    loinc: string;
    display: string;
    value: number;
    unit: string;
    at: number;
    visitId: string | null;
  }[];
  readonly visits: readonly SyntheticVisit[];
}

export interface SyntheticVisit {
  readonly id: string;
  readonly noteId: string;
  readonly at: number;
  readonly sites: readonly {
    readonly muscle: string;
    readonly side: 'left' | 'right';
    readonly volumeMl: number;
    readonly lot: string;
  }[];
  readonly complications: readonly SyntheticComplication[];
  readonly painBefore: number;
  readonly painAfter: number;
}

const iso = (ms: number) => new Date(ms).toISOString();
const dateOf = (ms: number) => iso(ms).slice(0, 10);

/** The n-th patient (0-based) of the clinic drawn from `seed`: independent of how many others are drawn. */
export function syntheticPatient(n: number, options: SyntheticOptions): SyntheticPatient {
  const r = prng((options.seed * 1_000_003 + n * 7919) >>> 0);
  const uuid = idMaker(options.idSpace ?? '', options.seed, n);
  const sex = r() < 0.58 ? 'female' : 'male';
  const age = between(r, 22, 86);
  const birth = options.asOf - age * 365.25 * DAY - Math.floor(r() * 365) * DAY;
  const id = uuid();
  const indication = pick(r, INDICATIONS);
  const conditions: SyntheticPatient['conditions'][number][] = [
    {
      id: uuid(),
      code: indication.code,
      display: indication.display,
      onset: dateOf(options.asOf - between(r, 60, 900) * DAY),
      indication: true,
    },
  ];
  if (r() < CHART_RATES.hypertension.p)
    conditions.push({
      id: uuid(),
      code: 'I10',
      display: 'Essential (primary) hypertension',
      onset: dateOf(options.asOf - between(r, 400, 5000) * DAY),
      indication: false,
    });
  if (r() < CHART_RATES.diabetes.p)
    conditions.push({
      id: uuid(),
      code: 'E11.9',
      display: 'Type 2 diabetes mellitus without complications',
      onset: dateOf(options.asOf - between(r, 400, 5000) * DAY),
      indication: false,
    });
  const allergies: SyntheticPatient['allergies'][number][] = [];
  if (r() < CHART_RATES.penicillinAllergy.p)
    allergies.push({ id: uuid(), kind: 'text', code: null, text: 'Penicillin (rash)' });
  if (r() < CHART_RATES.lidocaineAllergy.p)
    allergies.push({ id: uuid(), kind: 'ingredient', code: 'lidocaine', text: 'Lidocaine' });
  const medicines: SyntheticPatient['medicines'][number][] = [];
  const asserted = options.asOf - between(r, 30, 400) * DAY;
  let warfarin = false;
  if (r() < CHART_RATES.anticoagulant.p) {
    const x = r();
    const drug = x < 0.45 ? ANTICOAGULANTS[0] : x < 0.7 ? ANTICOAGULANTS[1] : ANTICOAGULANTS[2];
    warfarin = drug === ANTICOAGULANTS[2];
    medicines.push({ id: uuid(), rxnorm: drug.rxnorm, text: drug.display, anticoagulant: true, assertedAt: asserted });
  }
  if (r() < 0.5)
    medicines.push({
      id: uuid(),
      rxnorm: '161',
      text: 'acetaminophen 500 MG Oral Tablet',
      anticoagulant: false,
      assertedAt: asserted,
    });
  const weight = Math.round((sex === 'female' ? 68 : 82) + (r() - 0.5) * 30);
  const observations: SyntheticPatient['observations'][number][] = [
    { id: uuid(), loinc: '29463-7', display: 'Body weight', value: weight, unit: 'kg', at: asserted, visitId: null },
  ];
  if (warfarin)
    observations.push({
      id: uuid(),
      loinc: '6301-6',
      display: 'INR',
      value: Math.round((2 + r() * 1.2) * 10) / 10,
      unit: '{INR}',
      at: options.asOf - between(r, 1, 20) * DAY,
      visitId: null,
    });
  const visits: SyntheticVisit[] = [];
  const count = between(r, 1, 4);
  // Clinic hours: 08:00 to 16:00 (UTC) on a day 4 to 23 months ago.
  const day = Math.floor((options.asOf - between(r, 120, 700) * DAY) / DAY) * DAY;
  let at = day + 8 * 3_600_000 + between(r, 0, 16) * 1_800_000;
  let pain = between(r, 5, 9);
  for (let v = 0; v < count && at < options.asOf - DAY; v++) {
    const sites = Array.from({ length: between(r, 1, 3) }, (): SyntheticVisit['sites'][number] => ({
      muscle: pick(r, MUSCLES),
      side: r() < 0.5 ? 'left' : 'right',
      volumeMl: pick(r, [1, 1.5, 2]),
      lot: `LD${between(r, 10000, 99999)}`,
    })).filter((s, i, all) => all.findIndex((x) => x.muscle === s.muscle && x.side === s.side) === i);
    const complications = (Object.keys(COMPLICATION_RATES) as SyntheticComplication[]).filter(
      (c) => r() < COMPLICATION_RATES[c].p,
    );
    const painAfter = Math.max(0, pain - between(r, 1, 4));
    const visitId = uuid();
    visits.push({ id: visitId, noteId: uuid(), at, sites, complications, painBefore: pain, painAfter });
    observations.push({
      id: uuid(),
      loinc: '72514-3',
      display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported',
      value: pain,
      unit: '{score}',
      at,
      visitId,
    });
    pain = Math.min(10, Math.max(1, painAfter + between(r, 0, 2)));
    at += between(r, 21, 120) * DAY;
  }
  const given = sex === 'female' ? pick(r, GIVEN_F) : pick(r, GIVEN_M);
  return {
    id,
    mrn: `SYN-${options.seed}-${String(n + 1).padStart(6, '0')}`,
    family: pick(r, FAMILY),
    given,
    birthDate: dateOf(birth),
    sex,
    conditions,
    allergies,
    medicines,
    observations,
    visits,
  };
}
