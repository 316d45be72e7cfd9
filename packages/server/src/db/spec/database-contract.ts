// One suite, run against PGlite and PostgreSQL (GUIDE.md habit 11): migrations, clinic isolation,
// the application role, signed notes and the audit chain must behave the same on both.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../append-audit.js';
import type { Database } from '../database.js';
import { migrateDatabase, MIGRATIONS_FOLDER } from '../migrate.js';
import { describeAudit } from './audit-suite.js';
import { describeIsolation } from './isolation-suite.js';
import { describeNotes } from './notes-suite.js';
import { seedClinic, type SeededClinic } from './seed.js';

const journal = JSON.parse(await readFile(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
  entries: unknown[];
};

export interface OpenedDatabase {
  readonly database: Database;
  dispose(): Promise<void>;
}

export interface SuiteContext {
  readonly database: Database;
  readonly a: SeededClinic;
  readonly b: SeededClinic;
}

export type GetContext = () => SuiteContext;

export function describeDatabaseContract(name: string, open: () => Promise<OpenedDatabase>): void {
  describe(`database contract on ${name}`, () => {
    let opened: OpenedDatabase | undefined;
    let context: SuiteContext | undefined;
    const get: GetContext = () => {
      if (!context) throw new Error('the database did not open');
      return context;
    };

    beforeAll(async () => {
      opened = await open();
      const { database } = opened;
      await migrateDatabase(database);
      context = { database, a: await seedClinic(database, 'Clinic A'), b: await seedClinic(database, 'Clinic B') };
    });

    afterAll(async () => {
      await opened?.dispose();
    });

    it('applies the migrations once: a second run changes nothing', async () => {
      const { database } = get();
      const count = async () =>
        rowsOf<{ n: number }>(
          await database.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`),
        )[0]?.n;
      const before = await count();
      await migrateDatabase(database);
      expect(before).toBe(journal.entries.length);
      expect(await count()).toBe(before);
    });

    it('round-trips dates, timestamps and jsonb', async () => {
      const { database, a } = get();
      const row = await database.withClinic(a.clinicId, async (tx) => {
        const result = await tx.query.patients.findFirst({ where: (p, { eq }) => eq(p.id, a.patientId) });
        const note = await tx.query.procedureNotes.findFirst({ where: (n, { eq }) => eq(n.id, a.noteId) });
        return { result, note };
      });
      expect(row.result?.birthDate).toBe('1961-04-30');
      expect(row.result?.createdAt).toBeInstanceOf(Date);
      expect(row.note?.content).toEqual({ sites: [] });
    });

    describeIsolation(get);
    describeNotes(get);
    describeAudit(get);
  });
}
