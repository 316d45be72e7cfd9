// The demo clinic (issue 3, item 1): offered on the first start of an empty database. One
// transaction as system creates the clinic (is_demo), the three documented logins and every demo
// patient's chart (demo-charts.ts, dated relative to `now`), and audits it. The screening policy
// needs no row: a clinic without settings screens with the contract's defaults.
import { eq, sql } from 'drizzle-orm';
import { hashPassword } from '../app/auth/passwords.js';
import { writeChart } from '../app/db-repositories/index.js';
import { appendAudit, schema, type Database } from '../db/index.js';
import { demoPatients } from './demo-charts.js';
import { DEMO_CLINIC_NAME, DEMO_EMAIL_DOMAIN, DEMO_LOGINS, type DemoLogin } from './demo-logins.js';

export interface SeededDemoClinic {
  readonly clinicId: string;
  readonly logins: readonly DemoLogin[];
  /** The patients' ids, by medical record number (KW-1001 ...). */
  readonly patients: ReadonlyMap<string, string>;
}

/** No clinic yet: the first start offers the demo clinic. */
export async function isDatabaseEmpty(database: Database): Promise<boolean> {
  return database.asSystem(
    async (tx) => (await tx.select({ id: schema.clinics.id }).from(schema.clinics).limit(1)).length === 0,
  );
}

export async function seedDemoClinic(database: Database, options: { readonly now: number }): Promise<SeededDemoClinic> {
  const { now } = options;
  // One argon2id hash for the three logins: hashing is deliberately slow, and the password is public.
  const passwordHash = await hashPassword(DEMO_LOGINS[0]?.password ?? '');
  return database.asSystem(async (tx) => {
    const existing = await tx
      .select({ email: schema.users.email })
      .from(schema.users)
      .where(sql`lower(${schema.users.email}) like ${`%@${DEMO_EMAIL_DOMAIN}`}`)
      .limit(1);
    if (existing.length > 0) throw new Error(`a demo clinic exists already (it has ${existing[0]?.email})`);
    const [clinic] = await tx
      .insert(schema.clinics)
      .values({ name: DEMO_CLINIC_NAME, isDemo: true })
      .returning({ id: schema.clinics.id });
    if (!clinic) throw new Error('the demo clinic was not created');
    const clinicId = clinic.id;
    const users = await tx
      .insert(schema.users)
      .values(
        DEMO_LOGINS.map((l) => ({ clinicId, email: l.email, displayName: l.displayName, role: l.role, passwordHash })),
      )
      .returning({ id: schema.users.id, role: schema.users.role });
    const clinician = users.find((u) => u.role === 'clinician')?.id;
    const patients = new Map<string, string>();
    for (const { chart } of demoPatients(now)) {
      const patientId = await writeChart(tx, clinicId, chart, { recordedBy: clinician, source: 'demo record' });
      patients.set(chart.patient.identifiers[0]?.value ?? patientId, patientId);
    }
    await appendAudit(tx, {
      clinicId,
      actor: null,
      actorKind: 'system',
      action: 'demo.seed',
      entity: `Clinic/${clinicId}`,
      patientId: null,
      at: now,
      from: null,
      outcome: 'success',
      detail: { users: users.length, patients: patients.size },
    });
    return { clinicId, logins: DEMO_LOGINS, patients };
  });
}

/** The demo clinic's id, when there is one. */
export async function findDemoClinic(database: Database): Promise<string | undefined> {
  return database.asSystem(async (tx) => {
    const [row] = await tx
      .select({ id: schema.clinics.id })
      .from(schema.clinics)
      .where(eq(schema.clinics.isDemo, true))
      .limit(1);
    return row?.id;
  });
}
