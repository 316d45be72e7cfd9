// The clinics the FHIR export benchmark exports (issue 5 item 7): N synthetic patients in the demo
// clinic, written in bulk as system (multi-row inserts, 250 patients a transaction). Each has two
// conditions, an allergy, two medicines, a weight and an INR, and one to three finished TPI visits
// (mean two), each with its baseline pain, a consent (the consent form the core makes for the
// plan), a signed note in the note's stored shape and one administration per site (two sites).
// Complications follow published rates: vasovagal 2.5% of visits (VVR: 2.3-2.6% in large series
// of image-guided injections), bruising or haematoma 1% (an assumption: the reference gives no
// TPI rate). Seeded pseudo-random numbers: the same N gives the same clinic.
import { randomUUID } from 'node:crypto';
import { consentForm } from '@knotwork/core';
import { findDemoClinic, schema, type Database } from '@knotwork/server';

const DAY = 86_400_000;
const CHUNK = 250;
const FAMILY = ['Okafor', 'Hartley', 'Nguyen', 'Silva', 'Kowalski', 'Haddad', 'Murphy', 'Tanaka', 'Osei', 'Lindqvist'];
const GIVEN = ['Ada', 'Ben', 'Chen', 'Dara', 'Eli', 'Fatima', 'Grace', 'Hugo', 'Ines', 'Jonas'];
const INDICATIONS = [
  ['M79.18', 'Myalgia, other site'],
  ['M79.12', 'Myalgia of auxiliary muscles, head and neck'],
  ['M54.2', 'Cervicalgia'],
] as const;
const SITES = [
  ['trapezius-upper', 'left'],
  ['levator-scapulae', 'right'],
] as const;

/** mulberry32: a small seeded generator, so a clinic of N patients is the same every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLAN = {
  sites: SITES.map(([muscle, side]) => ({
    muscle,
    side,
    findings: { tautBand: true, localTwitch: true, referredPain: false, jumpSign: false },
  })),
  products: [{ injectate: 'lidocaine-1pct', volumeMl: 4 }],
};

export interface SyntheticClinic {
  readonly patients: number;
  readonly visits: number;
  readonly complications: number;
}

export async function writeSyntheticClinic(
  database: Database,
  options: { readonly patients: number; readonly now: number },
): Promise<SyntheticClinic> {
  const clinicId = await findDemoClinic(database);
  if (clinicId === undefined) throw new Error('no demo clinic to put the synthetic patients in');
  const made = consentForm({ sites: PLAN.sites, products: PLAN.products });
  if (!made.ok) throw new Error('the benchmark plan makes no consent form');
  const form = made.form;
  const next = random(options.patients);
  const staff = await database.asSystem((tx) =>
    tx.select({ id: schema.users.id, role: schema.users.role, clinicId: schema.users.clinicId }).from(schema.users),
  );
  const clinician = staff.find((u) => u.clinicId === clinicId && u.role === 'clinician')?.id;
  const nurse = staff.find((u) => u.clinicId === clinicId && u.role === 'nurse')?.id;
  if (!clinician || !nurse) throw new Error('no demo clinician and nurse');
  let visitsMade = 0;
  let complicationsMade = 0;
  for (let start = 0; start < options.patients; start += CHUNK) {
    const rows = {
      patients: [] as (typeof schema.patients.$inferInsert)[],
      identifiers: [] as (typeof schema.patientIdentifiers.$inferInsert)[],
      conditions: [] as (typeof schema.conditions.$inferInsert)[],
      allergies: [] as (typeof schema.allergies.$inferInsert)[],
      medicines: [] as (typeof schema.medicines.$inferInsert)[],
      observations: [] as (typeof schema.observations.$inferInsert)[],
      visits: [] as (typeof schema.visits.$inferInsert)[],
      baselines: [] as (typeof schema.visitBaselines.$inferInsert)[],
      consents: [] as (typeof schema.consents.$inferInsert)[],
      notes: [] as (typeof schema.procedureNotes.$inferInsert)[],
      administrations: [] as (typeof schema.administrations.$inferInsert)[],
      complications: [] as (typeof schema.complications.$inferInsert)[],
    };
    for (let i = start; i < Math.min(start + CHUNK, options.patients); i++) {
      const patientId = randomUUID();
      const own = { clinicId, patientId, recordedBy: clinician };
      const indication = INDICATIONS[i % INDICATIONS.length] ?? INDICATIONS[0];
      rows.patients.push({
        id: patientId,
        clinicId,
        familyName: FAMILY[i % FAMILY.length] ?? 'Synthetic',
        givenNames: `${GIVEN[Math.floor(i / FAMILY.length) % GIVEN.length] ?? 'Pat'} ${i}`,
        birthDate: `${1950 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`,
        gender: i % 2 === 0 ? 'female' : 'male',
        allergiesReviewedAt: new Date(options.now - 30 * DAY),
        allergiesReviewedBy: clinician,
        medicationsReconciledAt: new Date(options.now - 30 * DAY),
        medicationsReconciledBy: clinician,
      });
      rows.identifiers.push({
        clinicId,
        patientId,
        system: 'https://demo.knotwork.dev/mrn',
        value: `KW-S${i}`,
        typeCode: 'MR',
      });
      rows.conditions.push(
        { ...own, code: indication[0], display: indication[1], clinicalStatus: 'active', onset: '2024-03' },
        { ...own, code: 'I10', display: 'Essential (primary) hypertension', clinicalStatus: 'active', onset: '2015' },
      );
      rows.allergies.push({ ...own, substanceKind: 'text', substanceText: 'sticking plaster', type: 'intolerance' });
      rows.medicines.push(
        {
          ...own,
          kind: 'statement',
          rxnormCode: '161',
          rxnormDisplay: 'acetaminophen',
          text: 'paracetamol 1 g',
          status: 'active',
        },
        { ...own, kind: 'statement', text: 'amlodipine 5 mg', status: 'active' },
      );
      rows.observations.push(
        {
          ...own,
          loincCode: '29463-7',
          display: 'Body weight',
          unit: 'kg',
          valueNumber: 60 + Math.round(next() * 40),
          effectiveAt: new Date(options.now - 10 * DAY),
        },
        {
          ...own,
          loincCode: '6301-6',
          display: 'INR',
          unit: '{INR}',
          valueNumber: 1 + Math.round(next() * 5) / 10,
          effectiveAt: new Date(options.now - 10 * DAY),
        },
      );
      const visits = 1 + Math.floor(next() * 3);
      for (let v = 0; v < visits; v++) {
        visitsMade++;
        const visitId = randomUUID();
        const noteId = randomUUID();
        const at = new Date(options.now - (v * 60 + 1 + (i % 30)) * DAY);
        const pain = 4 + Math.floor(next() * 6);
        rows.visits.push({
          id: visitId,
          clinicId,
          patientId,
          status: 'finished',
          startedAt: at,
          endedAt: at,
          clinicianId: clinician,
          createdBy: clinician,
        });
        rows.baselines.push({
          clinicId,
          patientId,
          visitId,
          indicationIcd10: indication[0],
          indicationDisplay: indication[1],
          painNrs: pain,
          recordedAt: at,
          recordedBy: clinician,
        });
        rows.consents.push({
          clinicId,
          patientId,
          visitId,
          scope: 'trigger-point-injection',
          description: form.procedure,
          risksShown: form.risks,
          form,
          formVersion: form.version,
          planRevision: 1,
          signerKind: 'patient',
          signerName: 'Synthetic Patient',
          signatureKind: 'typed-name',
          signatureData: 'Synthetic Patient',
          signedAt: at,
          witnessedBy: nurse,
        });
        const lot = `LX${1000 + (i % 500)}`;
        const sites = SITES.map(([muscle, side]) => ({
          muscle,
          side,
          needle: { gauge: 25, lengthMm: 38 },
          aspiration: 'negative',
          twitch: true,
          tolerance: 'well',
          administrations: [{ injectate: 'lidocaine-1pct', volumeMl: 2, lot, expiry: '2027-06' }],
        }));
        const roll = next();
        const complication =
          roll < 0.025
            ? { type: 'vasovagal', severity: 'mild', action: 'Laid supine, legs raised; recovered' }
            : roll < 0.035
              ? { type: 'bruising_haematoma', severity: 'mild', action: 'Pressure applied' }
              : undefined;
        const onset = new Date(at.getTime() + 10 * 60_000).toISOString();
        rows.notes.push({
          id: noteId,
          clinicId,
          patientId,
          visitId,
          version: 1,
          status: 'signed',
          content: {
            plan: { ...PLAN, revision: 1 },
            findings: 'Taut bands with local twitch in both muscles',
            painNrs: Math.max(0, pain - 3),
            timeOut: { patient: true, sites: true, sides: true, allergies: true, consent: true },
            sites,
            complications: complication ? [{ ...complication, onset, note: null }] : [],
          },
          createdBy: clinician,
          signedBy: clinician,
          signedAt: at,
        });
        for (const [muscle, side] of SITES) {
          rows.administrations.push({
            clinicId,
            patientId,
            visitId,
            noteId,
            muscleCode: muscle,
            side,
            productCode: 'lidocaine-1pct',
            productText: 'Lidocaine 1% (10 mg/mL)',
            volumeMl: 2,
            lot,
            expiry: '2027-06',
            administeredAt: at,
            administeredBy: clinician,
          });
        }
        if (complication) {
          complicationsMade++;
          rows.complications.push({
            clinicId,
            patientId,
            visitId,
            noteId,
            typeCode: complication.type,
            severity: 'mild',
            onsetAt: new Date(onset),
            action: complication.action,
            recordedAt: at,
            recordedBy: clinician,
          });
        }
      }
    }
    await database.asSystem(async (tx) => {
      await tx.insert(schema.patients).values(rows.patients);
      await tx.insert(schema.patientIdentifiers).values(rows.identifiers);
      await tx.insert(schema.conditions).values(rows.conditions);
      await tx.insert(schema.allergies).values(rows.allergies);
      await tx.insert(schema.medicines).values(rows.medicines);
      await tx.insert(schema.observations).values(rows.observations);
      await tx.insert(schema.visits).values(rows.visits);
      await tx.insert(schema.visitBaselines).values(rows.baselines);
      await tx.insert(schema.consents).values(rows.consents);
      await tx.insert(schema.procedureNotes).values(rows.notes);
      await tx.insert(schema.administrations).values(rows.administrations);
      if (rows.complications.length > 0) await tx.insert(schema.complications).values(rows.complications);
    });
  }
  return { patients: options.patients, visits: visitsMade, complications: complicationsMade };
}
