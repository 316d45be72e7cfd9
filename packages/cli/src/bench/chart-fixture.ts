// What the chart-read benchmark reads (issue 3, item 8): in the demo clinic, a patient with 10
// conditions, 5 allergies, 8 medicines, 40 observations and 3 earlier visits (each with a signed
// note and two administrations, which the chart shows), and 50 signed-in sessions of the clinic's
// clinician and nurse, so that 50 connections are 50 people rather than one session touched by all.
import { createHash, randomBytes } from 'node:crypto';
import { findDemoClinic, schema, type Database } from '@knotwork/server';

export interface ChartFixture {
  readonly patientId: string;
  /** `knotwork_session=...` cookie headers, one per session. */
  readonly cookies: readonly string[];
}

const DAY = 86_400_000;
const CONDITIONS = [
  ['M79.18', 'Myalgia, other site'],
  ['M54.2', 'Cervicalgia'],
  ['M62.838', 'Other muscle spasm'],
  ['M54.50', 'Low back pain, unspecified'],
  ['G44.209', 'Tension-type headache'],
  ['I10', 'Essential (primary) hypertension'],
  ['E11.9', 'Type 2 diabetes mellitus without complications'],
  ['E78.5', 'Hyperlipidaemia, unspecified'],
  ['F41.1', 'Generalised anxiety disorder'],
  ['K21.9', 'Gastro-oesophageal reflux disease'],
] as const;
const OBSERVATIONS = [
  ['29463-7', 'Body weight', 'kg', 78],
  ['8310-5', 'Body temperature', 'Cel', 36.8],
  ['6301-6', 'INR', '{INR}', 1.1],
  ['777-3', 'Platelets', '10*3/uL', 240],
  ['72514-3', 'Pain severity (NRS)', '{score}', 6],
] as const;

function one<T>(rows: readonly T[]): T {
  const [row] = rows;
  if (row === undefined) throw new Error('insert returned no row');
  return row;
}

/** Writes the fixture as system into the database's demo clinic. */
export async function seedChartFixture(database: Database, options: { now: number }): Promise<ChartFixture> {
  const { now } = options;
  const clinicId = await findDemoClinic(database);
  if (clinicId === undefined) throw new Error('no demo clinic to put the benchmark patient in');
  return database.asSystem(async (tx) => {
    const staff = (
      await tx
        .select({ id: schema.users.id, role: schema.users.role, clinicId: schema.users.clinicId })
        .from(schema.users)
    ).filter((u) => u.clinicId === clinicId && (u.role === 'clinician' || u.role === 'nurse'));
    const clinician = staff.find((u) => u.role === 'clinician')?.id;
    if (!clinician) throw new Error('no demo clinician');
    const recordedBy = clinician;
    const { id: patientId } = one(
      await tx
        .insert(schema.patients)
        .values({
          clinicId,
          familyName: 'Benchmark',
          givenNames: 'Chart Reader',
          birthDate: '1968-05-17',
          gender: 'female',
          allergiesReviewedAt: new Date(now - 30 * DAY),
          allergiesReviewedBy: recordedBy,
          medicationsReconciledAt: new Date(now - 30 * DAY),
          medicationsReconciledBy: recordedBy,
        })
        .returning({ id: schema.patients.id }),
    );
    const own = { clinicId, patientId, recordedBy };
    await tx.insert(schema.patientIdentifiers).values({
      clinicId,
      patientId,
      system: 'https://demo.knotwork.dev/mrn',
      value: 'KW-BENCH-1',
      typeCode: 'MR',
    });
    await tx.insert(schema.conditions).values(
      CONDITIONS.map(([code, display], i) => ({
        ...own,
        code,
        display,
        clinicalStatus: 'active' as const,
        onset: `${2010 + i}-03`,
        recordedAt: new Date(now - (400 - i) * DAY),
      })),
    );
    await tx.insert(schema.allergies).values([
      {
        ...own,
        substanceKind: 'ingredient',
        substanceCode: 'lidocaine',
        substanceText: 'lidocaine',
        criticality: 'high',
      },
      { ...own, substanceKind: 'text', substanceCode: null, substanceText: 'penicillin', type: 'allergy' },
      { ...own, substanceKind: 'text', substanceCode: null, substanceText: 'latex', type: 'allergy' },
      { ...own, substanceKind: 'text', substanceCode: null, substanceText: 'codeine', type: 'intolerance' },
      { ...own, substanceKind: 'text', substanceCode: null, substanceText: 'sticking plaster', type: 'intolerance' },
    ]);
    await tx.insert(schema.medicines).values(
      ['paracetamol 1 g', 'ibuprofen 400 mg', 'amlodipine 5 mg', 'metformin 500 mg', 'atorvastatin 20 mg'].map(
        (text) => ({
          ...own,
          kind: 'statement' as const,
          text,
          status: 'active' as const,
          dosageText: 'as directed',
        }),
      ),
    );
    await tx.insert(schema.medicines).values(
      ['omeprazole 20 mg', 'sertraline 50 mg', 'cyclobenzaprine 5 mg'].map((text) => ({
        ...own,
        kind: 'request' as const,
        text,
        status: 'active' as const,
        authoredAt: new Date(now - 60 * DAY),
      })),
    );
    await tx.insert(schema.observations).values(
      Array.from({ length: 40 }, (_, i) => {
        const [loincCode, display, unit, value] = OBSERVATIONS[i % OBSERVATIONS.length] ?? OBSERVATIONS[0];
        return {
          ...own,
          loincCode,
          display,
          unit,
          valueNumber: value + (i % 3) * 0.1,
          effectiveAt: new Date(now - (i + 1) * 7 * DAY),
        };
      }),
    );
    for (let v = 1; v <= 3; v++) {
      const at = new Date(now - v * 90 * DAY);
      const visit = one(
        await tx
          .insert(schema.visits)
          .values({ clinicId, patientId, status: 'finished', startedAt: at, endedAt: at, clinicianId: clinician })
          .returning({ id: schema.visits.id }),
      );
      await tx.insert(schema.procedureNotes).values({
        clinicId,
        patientId,
        visitId: visit.id,
        version: 1,
        status: 'signed',
        content: { sites: ['trapezius-upper left', 'levator-scapulae left'], text: 'Two trigger points injected' },
        createdBy: clinician,
        signedBy: clinician,
        signedAt: at,
      });
      await tx.insert(schema.administrations).values(
        ['trapezius-upper', 'levator-scapulae'].map((muscleCode) => ({
          clinicId,
          patientId,
          visitId: visit.id,
          muscleCode,
          side: 'left' as const,
          productCode: 'lidocaine-1pct',
          productText: 'Lidocaine 1%',
          volumeMl: 2,
          lot: `L${v}`,
          expiry: '2027-12',
          administeredAt: at,
          administeredBy: clinician,
        })),
      );
    }
    const cookies: string[] = [];
    const sessions = Array.from({ length: 50 }, (_, i) => {
      // As app/auth/session-token.ts: the cookie carries the token, the database its SHA-256.
      const token = `kws_${randomBytes(32).toString('base64url')}`;
      cookies.push(`knotwork_session=${token}`);
      const user = staff[i % staff.length] ?? { id: clinician };
      return {
        clinicId,
        idHash: createHash('sha256').update(token).digest('hex'),
        userId: user.id,
        csrfToken: randomBytes(16).toString('base64url'),
        lastSeenAt: new Date(now),
        expiresAt: new Date(now + DAY / 2),
      };
    });
    await tx.insert(schema.sessions).values(sessions);
    return { patientId, cookies };
  });
}
