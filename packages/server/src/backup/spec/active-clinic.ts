// A database worth backing up: the demo clinic after some use over HTTP (sign-ins, a failed one
// without a clinic, searches, chart reads, a visit, a screen with a critical card and its override),
// then, written as system, what the API cannot write yet: a plan, a signed procedure note and its
// amendment, administrations, a complication, a consent, a settings version, an API token, a CDS
// client, values that test exactness (a double that is not a short decimal, microsecond
// timestamps, a jsonb null beside an SQL NULL), and a second clinic with audit rows of its own. The
// audit chain is sealed except for its last rows.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { appendAudit, migrateDatabase, openDatabase, sealAuditChain, schema, type Database } from '../../db/index.js';
import { createClinic, DEMO_LOGINS, findDemoClinic } from '../../demo/index.js';
import { startServer } from '../../start-server.js';

export const AS_OF = '2026-11-27T10:00:00Z';
const asOf = Date.parse(AS_OF);

export interface Place {
  readonly dataDir: string;
  readonly databaseUrl?: string | undefined;
  dispose(): Promise<void>;
}

/** A fresh folder for PGlite, or a fresh PostgreSQL database made from `adminUrl` (dropped by dispose). */
export async function freshPlace(adminUrl?: string): Promise<Place> {
  const dataDir = await mkdtemp(join(tmpdir(), 'knotwork-backup-'));
  if (adminUrl === undefined) return { dataDir, dispose: () => rm(dataDir, { recursive: true, force: true }) };
  const name = `knotwork_test_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    dataDir,
    databaseUrl: url.toString(),
    dispose: async () => {
      await admin(`drop database if exists ${name} with (force)`);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function openPlace(place: Place, options: { migrate?: boolean } = {}): Promise<Database> {
  const database = await openDatabase({ dataDir: place.dataDir, databaseUrl: place.databaseUrl, poolSize: 4 });
  if (options.migrate ?? true) await migrateDatabase(database);
  return database;
}

type Inject = Awaited<ReturnType<typeof startServer>>['app']['inject'];

async function signIn(inject: Inject, email: string, password: string) {
  const r = await inject({ method: 'POST', url: '/api/session', payload: { email, password } });
  const cookie = [r.headers['set-cookie'] ?? []].flat()[0]?.split(';')[0] ?? '';
  return { status: r.statusCode, cookie, csrf: r.statusCode === 200 ? r.json<{ csrfToken: string }>().csrfToken : '' };
}

async function useOverHttp(place: Place): Promise<void> {
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: place.dataDir,
    databaseUrl: place.databaseUrl,
    asOf,
    demo: true,
    publicBaseUrl: 'http://localhost:8080',
    log: () => undefined,
  });
  try {
    const inject = server.app.inject.bind(server.app);
    const clinician = DEMO_LOGINS.find((l) => l.role === 'clinician');
    if (!clinician) throw new Error('no demo clinician');
    await signIn(inject, 'nobody@nowhere.example', 'not a password'); // audited without a clinic
    const me = await signIn(inject, clinician.email, clinician.password);
    if (me.status !== 200) throw new Error(`sign-in failed: ${me.status}`);
    const as = (method: 'GET' | 'POST', url: string, payload?: object) =>
      inject({ method, url, headers: { cookie: me.cookie, 'x-csrf-token': me.csrf }, ...(payload ? { payload } : {}) });
    const found = await as('GET', '/api/patients?identifier=KW-1002');
    const patientId = found.json<{ items: { id: string }[] }>().items[0]?.id ?? '';
    await as('GET', `/api/patients/${patientId}/chart`);
    const visit = await as('POST', `/api/patients/${patientId}/visits`);
    if (visit.statusCode !== 201) throw new Error(`visit failed: ${visit.body}`);
    const visitId = visit.json<{ id: string }>().id;
    const screened = await as('POST', `/api/visits/${visitId}/screens`, {
      sites: [{ muscle: 'trapezius-upper', side: 'left' }],
      products: [{ injectate: 'lidocaine-1pct', volumeMl: 5 }],
    });
    if (screened.statusCode !== 201) throw new Error(`screen failed: ${screened.body}`);
    const { screenId, cards } = screened.json<{ screenId: string; cards: { uuid: string; indicator: string }[] }>();
    const critical = cards.find((c) => c.indicator === 'critical');
    if (!critical) throw new Error('the screen raised no critical card');
    const override = await as('POST', `/api/screens/${screenId}/overrides`, {
      cardUuid: critical.uuid,
      reasonCode: 'plan-changed',
    });
    if (override.statusCode !== 201) throw new Error(`override failed: ${override.body}`);
    const created = await as('POST', '/api/patients', { family: 'Ngata', given: ['Aroha'], birthDate: '1979-02-11' });
    if (created.statusCode !== 201) throw new Error(`create failed: ${created.body}`);
  } finally {
    await server.close();
  }
}

function one<T>(rows: readonly T[]): T {
  const [row] = rows;
  if (row === undefined) throw new Error('insert returned no row');
  return row;
}

async function writeTheRest(database: Database): Promise<{ demoClinicId: string; otherClinicId: string }> {
  const demoClinicId = (await findDemoClinic(database)) ?? '';
  const other = await createClinic(database, { name: 'Harbour Pain Clinic', at: asOf });
  if (!other.ok) throw new Error(other.message);
  await database.asSystem(async (tx) => {
    const clinicId = demoClinicId;
    const [user] = await tx
      .select({ id: schema.users.id })
      .from(schema.users)
      .where(sql`${schema.users.clinicId} = ${clinicId} and ${schema.users.role} = 'clinician'`);
    const [visit] = await tx.select().from(schema.visits).where(eq(schema.visits.clinicId, clinicId)).limit(1);
    if (!user || !visit) throw new Error('no demo clinician or visit');
    const { patientId, id: visitId } = visit;
    const userId = user.id;
    const plan = one(
      await tx.insert(schema.plans).values({ clinicId, patientId, visitId, createdBy: userId }).returning(),
    );
    const site = one(
      await tx
        .insert(schema.planSites)
        .values({ clinicId, planId: plan.id, position: 1, muscleCode: 'trapezius-upper', side: 'left' })
        .returning(),
    );
    await tx.insert(schema.planLines).values({
      clinicId,
      planId: plan.id,
      position: 1,
      productCode: 'lidocaine-1pct',
      text: 'Lidocaine 1%',
      volumeMl: 0.1 + 0.2, // 0.30000000000000004: a double that must come back to the last bit
    });
    const signedAt = sql`'2026-11-27 10:20:00.123456+00'::timestamptz`;
    const v1 = one(
      await tx
        .insert(schema.procedureNotes)
        .values({
          clinicId,
          patientId,
          visitId,
          version: 1,
          status: 'signed',
          content: { sites: [{ muscle: 'trapezius-upper', side: 'left' }], text: 'Injected 2 trigger points' },
          createdBy: userId,
          signedBy: userId,
          signedAt,
        })
        .returning(),
    );
    await tx.insert(schema.procedureNotes).values({
      clinicId,
      patientId,
      visitId,
      version: 2,
      status: 'amended',
      content: { sites: [{ muscle: 'trapezius-upper', side: 'left' }], text: 'Injected 3 trigger points' },
      createdBy: userId,
      signedBy: userId,
      signedAt: sql`'2026-11-27 11:00:00.000001+00'::timestamptz`,
      amendmentReason: 'count of points corrected',
      previousVersionId: v1.id,
    });
    await tx.insert(schema.administrations).values({
      clinicId,
      patientId,
      visitId,
      planSiteId: site.id,
      muscleCode: 'trapezius-upper',
      side: 'left',
      productCode: 'lidocaine-1pct',
      productText: 'Lidocaine 1%',
      volumeMl: 2.5,
      lot: 'L0T-42',
      expiry: '2027-06',
      administeredAt: sql`'2026-11-27 10:15:00.000042+00'::timestamptz`,
      administeredBy: userId,
    });
    await tx.insert(schema.complications).values({
      clinicId,
      patientId,
      visitId,
      typeCode: 'vasovagal',
      severity: 'mild',
      onsetAt: new Date(asOf + 20 * 60_000),
      action: 'supine, observed 15 minutes',
      recordedBy: userId,
    });
    await tx.insert(schema.consents).values({
      clinicId,
      patientId,
      visitId,
      scope: 'trigger-point-injection',
      description: 'Trigger point injection, upper trapezius (left)',
      risksShown: [{ code: 'pneumothorax', wording: 1 }],
      signerKind: 'patient',
      signerName: 'Patient Two',
      signatureKind: 'typed-name',
      signatureData: 'Patient Two',
      signedAt: new Date(asOf),
      witnessedBy: userId,
    });
    await tx.insert(schema.clinicSettings).values({
      clinicId,
      settingsVersion: 1,
      policyVersion: 'demo-1',
      policyValues: { inrMax: 3 },
      followUpSchedule: [{ days: 14 }],
      observationMinutes: 15,
      changedBy: userId,
      changeReason: 'first settings',
    });
    await tx.insert(schema.apiTokens).values({
      clinicId,
      name: 'lab import',
      tokenHash: 'f'.repeat(64),
      scopes: ['observations:write', 'patients:read'],
      createdBy: userId,
    });
    await tx.insert(schema.cdsClients).values({
      clinicId,
      issuer: 'https://ehr.example.org',
      name: 'Example EHR',
      jwks: { keys: [{ kty: 'EC', crv: 'P-384', x: 'x', y: 'y', kid: 'ehr-1' }] },
    });
    // jsonb null, beside the SQL NULL of every event without detail.
    await tx.execute(sql`update screens set trace = 'null'::jsonb where id = (select id from screens limit 1)`);
  });
  for (let more = true; more;) more = (await sealAuditChain(database)).more;
  await database.asSystem(async (tx) => {
    const event = {
      actor: null,
      actorKind: 'system' as const,
      patientId: null,
      from: null,
      outcome: 'success' as const,
    };
    await appendAudit(tx, {
      ...event,
      clinicId: other.clinicId,
      action: 'backup.test',
      entity: null,
      at: asOf + 1,
      detail: null as never, // a stored NULL on purpose: the round trip must keep it
    });
    await appendAudit(tx, {
      ...event,
      clinicId: demoClinicId,
      action: 'backup.test',
      entity: null,
      at: asOf + 2,
      detail: { n: 1 },
    });
    await appendAudit(tx, {
      ...event,
      clinicId: null,
      action: 'backup.test',
      entity: null,
      at: asOf + 3,
      detail: null as never, // a stored NULL on purpose: the round trip must keep it
    });
  });
  return { demoClinicId, otherClinicId: other.clinicId };
}

/** Fills `place` as the header says and returns it opened, with the two clinics' ids. */
export async function activeClinic(
  place: Place,
): Promise<{ database: Database; demoClinicId: string; otherClinicId: string }> {
  await useOverHttp(place);
  const database = await openPlace(place, { migrate: false });
  try {
    return { database, ...(await writeTheRest(database)) };
  } catch (error) {
    await database.close();
    throw error;
  }
}
