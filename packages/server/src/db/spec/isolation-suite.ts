// Issue 3, item 4: clinic A cannot read or write clinic B's rows, even with B's ids; the role the
// server runs as is neither superuser nor BYPASSRLS; every clinic-owned table is covered.
import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { rowsOf } from '../append-audit.js';
import { SQLSTATE, sqlStateOf } from '../database-error.js';
import { clinics, conditions, patients, procedureNotes, visits } from '../schema.js';
import type { GetContext } from './database-contract.js';

async function refusal(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return sqlStateOf(error);
  }
  throw new Error('expected the database to refuse');
}

export function describeIsolation(get: GetContext): void {
  describe('clinic isolation (row-level security)', () => {
    it('runs request transactions as knotwork_app, which is neither superuser nor BYPASSRLS', async () => {
      const { database, a } = get();
      const [who] = await database.withClinic(a.clinicId, async (tx) =>
        rowsOf<{ user: string; clinic: string }>(
          await tx.execute(sql`select current_user as "user", current_setting('knotwork.clinic_id') as clinic`),
        ),
      );
      expect(who).toEqual({ user: 'knotwork_app', clinic: a.clinicId });
      const [role] = rowsOf<Record<string, boolean>>(
        await database.db.execute(
          sql`select rolsuper, rolbypassrls, rolcanlogin from pg_roles where rolname = 'knotwork_app'`,
        ),
      );
      expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcanlogin: false });
    });

    it('forces row-level security with a policy, and grants the role access, on every table', async () => {
      const { database } = get();
      const rows = rowsOf<{ table: string; rls: boolean; forced: boolean; policies: number; granted: boolean }>(
        await database.db.execute(sql`
          select c.relname as "table", c.relrowsecurity as rls, c.relforcerowsecurity as forced,
                 (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies,
                 has_table_privilege('knotwork_app', c.oid, 'SELECT') as granted
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind = 'r'
          order by 1`),
      );
      expect(rows.length).toBeGreaterThanOrEqual(24);
      expect(rows.filter((r) => !r.rls || !r.forced || r.policies !== 1 || !r.granted)).toEqual([]);
    });

    it("reads nothing of clinic B's, even by B's ids", async () => {
      const { database, a, b } = get();
      const seen = await database.withClinic(a.clinicId, async (tx) => ({
        patients: await tx.select({ id: patients.id, clinicId: patients.clinicId }).from(patients),
        byId: await tx.select().from(patients).where(eq(patients.id, b.patientId)),
        condition: await tx.select().from(conditions).where(eq(conditions.id, b.conditionId)),
        note: await tx.select().from(procedureNotes).where(eq(procedureNotes.id, b.noteId)),
        clinic: await tx.select().from(clinics).where(eq(clinics.id, b.clinicId)),
      }));
      expect(seen.patients.every((p) => p.clinicId === a.clinicId)).toBe(true);
      expect(seen.patients.map((p) => p.id)).toContain(a.patientId);
      expect(seen).toMatchObject({ byId: [], condition: [], note: [], clinic: [] });
    });

    it("updates and deletes none of clinic B's rows, even by B's ids", async () => {
      const { database, a, b } = get();
      const touched = await database.withClinic(a.clinicId, async (tx) => ({
        updated: await tx
          .update(patients)
          .set({ familyName: 'Hijacked' })
          .where(eq(patients.id, b.patientId))
          .returning({ id: patients.id }),
        deleted: await tx.delete(conditions).where(eq(conditions.id, b.conditionId)).returning({ id: conditions.id }),
      }));
      expect(touched).toEqual({ updated: [], deleted: [] });
      const still = await database.asSystem(async (tx) => ({
        patient: await tx.select().from(patients).where(eq(patients.id, b.patientId)),
        condition: await tx.select().from(conditions).where(eq(conditions.id, b.conditionId)),
      }));
      expect(still.patient[0]?.familyName).toBe('Patient-Clinic B');
      expect(still.condition).toHaveLength(1);
    });

    it("refuses a row inserted with clinic B's id, or moved to clinic B", async () => {
      const { database, a, b } = get();
      const inserted = database.withClinic(a.clinicId, (tx) =>
        tx.insert(patients).values({ clinicId: b.clinicId, familyName: 'Intruder' }),
      );
      expect(await refusal(inserted)).toBe(SQLSTATE.insufficientPrivilege);
      const moved = database.withClinic(a.clinicId, (tx) =>
        tx.update(visits).set({ clinicId: b.clinicId }).where(eq(visits.id, a.visitId)),
      );
      expect(await refusal(moved)).toBe(SQLSTATE.insufficientPrivilege);
    });

    it("refuses a row of clinic A that points at clinic B's patient", async () => {
      const { database, a, b } = get();
      const attached = database.withClinic(a.clinicId, (tx) =>
        tx.insert(conditions).values({
          clinicId: a.clinicId,
          patientId: b.patientId,
          code: 'M79.18',
          display: 'Myalgia',
          clinicalStatus: 'active',
        }),
      );
      expect(await refusal(attached)).toBe(SQLSTATE.foreignKeyViolation);
    });

    it('refuses a clinic id that is not a uuid before reaching the database', async () => {
      const { database } = get();
      await expect(database.withClinic("x' or true --", () => Promise.resolve())).rejects.toThrow(/not a uuid/);
    });

    it('refuses a transaction opened inside another one instead of waiting for it', async () => {
      const { database, a } = get();
      const nested = database.withClinic(a.clinicId, () => database.asSystem(() => Promise.resolve(1)));
      await expect(nested).rejects.toThrow(/inside another withClinic\/asSystem transaction/);
      expect(await database.asSystem(() => Promise.resolve(2))).toBe(2);
    });
  });
}
