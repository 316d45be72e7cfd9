// Demo seeding and the account commands on a real database, run on PGlite and on PostgreSQL.
// The demo suite uses a fresh database (it needs it empty); the accounts suite makes its own clinics.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../../app/auth/passwords.js';
import { signIn } from '../../app/auth/sign-in.js';
import { databaseRepositories } from '../../app/db-repositories/index.js';
import { expectSameChartContent } from '../../app/spec/chart-content.js';
import { fixedClock } from '../../clock.js';
import { schema, type Database } from '../../db/index.js';
import { createClinic } from '../create-clinic.js';
import { createUser } from '../create-user.js';
import { demoPatients } from '../demo-charts.js';
import { DEMO_CLINIC_NAME, DEMO_LOGINS, DEMO_PASSWORD } from '../demo-logins.js';
import { registerCdsClient } from '../register-cds-client.js';
import { findDemoClinic, isDatabaseEmpty, seedDemoClinic } from '../seed-demo-clinic.js';
import { DEMO_EXPECT, screenDemoChart } from './demo-expectations.js';

const NOW = Date.parse('2026-11-27T10:00:00Z');
const PASSWORD = 'correct horse battery staple';
const EC_KEY = {
  kty: 'EC',
  crv: 'P-256',
  x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
  y: 'x_FEzRu9m36HLN_tie6-lT6CEtJNyYxX_DmKKYmbNFE',
};

export function describeDemoSeeding(name: string, getDatabase: () => Database): void {
  describe(`the demo clinic on ${name}`, () => {
    it('is offered on an empty database, seeded once, and refused a second time', async () => {
      const database = getDatabase();
      expect(await isDatabaseEmpty(database)).toBe(true);
      const seeded = await seedDemoClinic(database, { now: NOW });
      expect(await isDatabaseEmpty(database)).toBe(false);
      expect(await findDemoClinic(database)).toBe(seeded.clinicId);
      expect(seeded.logins.map((l) => l.email)).toEqual([
        'clinician@demo.knotwork.dev',
        'nurse@demo.knotwork.dev',
        'admin@demo.knotwork.dev',
      ]);
      const [clinic] = await database.db.select().from(schema.clinics);
      expect(clinic).toMatchObject({ id: seeded.clinicId, name: DEMO_CLINIC_NAME, isDemo: true });
      await expect(seedDemoClinic(database, { now: NOW })).rejects.toThrow(/demo clinic exists already/);
    });

    it('signs in each documented login with its role', async () => {
      const database = getDatabase();
      const { system } = databaseRepositories(database);
      for (const login of DEMO_LOGINS) {
        const result = await signIn(
          { email: login.email.toUpperCase(), password: DEMO_PASSWORD, from: null },
          { ...system, clock: fixedClock(NOW), newId: randomUUID },
        );
        expect(result.ok && result.user.role, login.email).toBe(login.role);
      }
    });

    it('reads every demo chart back as written, and each screens as demo-charts.test.ts expects', async () => {
      const database = getDatabase();
      const clinicId = (await findDemoClinic(database)) ?? '';
      const repos = databaseRepositories(database);
      const written = demoPatients(NOW);
      const found = await repos.inClinic(clinicId, (r) => r.patients.search({ name: '', limit: 100 }));
      expect(found.items).toHaveLength(written.length);
      for (const { chart } of written) {
        const mrn = chart.patient.identifiers[0]?.value ?? '';
        const read = await repos.inClinic(clinicId, async (r) => {
          const [match] = (await r.patients.search({ identifier: mrn, limit: 1 })).items;
          return match ? r.charts.loadChart(match.id) : undefined;
        });
        if (!read) throw new Error(`${mrn} was not seeded`);
        expectSameChartContent(read, chart);
        const { plan, cards } = screenDemoChart(read, NOW);
        expect(plan).toBe(DEMO_EXPECT[mrn]);
        for (const [finding, indicator] of Object.entries(plan?.findings ?? {}))
          expect(cards.get(finding), `${mrn} ${finding}`).toBe(indicator);
      }
    });
  });
}

export function describeAccounts(name: string, getDatabase: () => Database): void {
  describe(`accounts on ${name}`, () => {
    const newClinic = async (clinicName = `Clinic ${randomUUID()}`) => {
      const created = await createClinic(getDatabase(), { name: clinicName, at: NOW });
      if (!created.ok) throw new Error(created.message);
      return created.clinicId;
    };
    const user = (extra: Record<string, string> = {}) => ({
      email: `Jo.${randomUUID().slice(0, 8)}@Clinic.example`,
      displayName: 'Jo Smith',
      role: 'nurse',
      password: PASSWORD,
      at: NOW,
      ...extra,
    });

    it('creates a clinic, refusing an empty name', async () => {
      const clinicId = await newClinic('  Riverside Pain Clinic ');
      const [row] = (await getDatabase().db.select().from(schema.clinics)).filter((c) => c.id === clinicId);
      expect(row).toMatchObject({ name: 'Riverside Pain Clinic', isDemo: false });
      expect(await createClinic(getDatabase(), { name: ' ' })).toMatchObject({ ok: false, code: 'invalid-name' });
    });

    it('adds a user by clinic id or name who can sign in, and audits it', async () => {
      const database = getDatabase();
      const clinicName = `Clinic ${randomUUID()}`;
      const clinicId = await newClinic(clinicName);
      const input = user();
      const created = await createUser(database, { clinicName, ...input });
      expect(created).toMatchObject({ ok: true, user: { clinicId, email: input.email.toLowerCase(), role: 'nurse' } });
      const found = await databaseRepositories(database).system.users.findByEmail(input.email);
      expect(found).toMatchObject({ clinicId, displayName: 'Jo Smith', role: 'nurse', active: true });
      expect(await verifyPassword(found?.passwordHash ?? '', PASSWORD)).toBe(true);
      const byId = await createUser(database, { clinicId, ...user({ role: 'clinic-admin' }) });
      expect(byId).toMatchObject({ ok: true, user: { role: 'clinic-admin' } });
      const audit = await database.db.select().from(schema.auditLog);
      expect(audit.filter((e) => e.clinicId === clinicId).map((e) => e.action)).toEqual([
        'clinic.create',
        'user.create',
        'user.create',
      ]);
    });

    it('refuses a duplicate email, a weak password, a bad role and an unknown or ambiguous clinic', async () => {
      const database = getDatabase();
      const clinicId = await newClinic('Twin Name Clinic');
      await newClinic('Twin Name Clinic');
      const first = user();
      expect((await createUser(database, { clinicId, ...first })).ok).toBe(true);
      const refusal = async (input: Parameters<typeof createUser>[1]) => {
        const r = await createUser(database, input);
        return r.ok ? 'created' : r.code;
      };
      expect(await refusal({ clinicId, ...user({ email: first.email.toUpperCase() }) })).toBe('duplicate-email');
      expect(await refusal({ clinicId, ...user({ password: 'short' }) })).toBe('weak-password');
      expect(await refusal({ clinicId, ...user({ role: 'superuser' }) })).toBe('invalid-role');
      expect(await refusal({ clinicId, ...user({ email: 'not-an-email' }) })).toBe('invalid-email');
      expect(await refusal({ clinicId: randomUUID(), ...user() })).toBe('unknown-clinic');
      expect(await refusal({ clinicName: 'No Such Clinic', ...user() })).toBe('unknown-clinic');
      expect(await refusal({ clinicName: 'Twin Name Clinic', ...user() })).toBe('ambiguous-clinic');
    });

    it('keeps demo-domain addresses to a demo clinic', async () => {
      const database = getDatabase();
      const clinicId = await newClinic();
      const demo = user({ email: `locum.${randomUUID().slice(0, 6)}@demo.knotwork.dev` });
      expect(await createUser(database, { clinicId, ...demo })).toMatchObject({ ok: false, code: 'demo-email' });
      const demoClinicId = await findDemoClinic(database);
      if (demoClinicId === undefined) throw new Error('the demo suite runs first');
      expect(await createUser(database, { clinicId: demoClinicId, ...demo })).toMatchObject({ ok: true });
    });

    it('registers an EHR by issuer with public keys only, once', async () => {
      const database = getDatabase();
      const clinicId = await newClinic();
      const issuer = `https://ehr-${randomUUID()}.example`;
      const jwks = { keys: [EC_KEY] };
      expect(await registerCdsClient(database, { clinicId, issuer, jwks, at: NOW })).toMatchObject({ ok: true });
      expect(await databaseRepositories(database).system.cdsClients.find(issuer)).toEqual({
        issuer,
        clinicId,
        jwks,
        active: true,
      });
      const code = async (input: Parameters<typeof registerCdsClient>[1]) => {
        const r = await registerCdsClient(database, input);
        return r.ok ? 'registered' : r.code;
      };
      expect(await code({ clinicId, issuer, jwks })).toBe('duplicate-issuer');
      expect(await code({ clinicId, issuer: `${issuer}/2`, jwks: { keys: [{ ...EC_KEY, d: 'secret' }] } })).toBe(
        'invalid-jwks',
      );
      expect(await code({ clinicId, issuer: `${issuer}/3`, jwks: { keys: [] } })).toBe('invalid-jwks');
      expect(await code({ clinicId, issuer: ' ', jwks })).toBe('invalid-issuer');
      expect(await code({ clinicId: randomUUID(), issuer: `${issuer}/4`, jwks })).toBe('unknown-clinic');
    });
  });
}
