// The queued audit row and the pipelined first read (docs/adr/0005): on PostgreSQL the audit insert
// travels with the transaction's next statement or its COMMIT, yet a failed insert still fails the
// transaction and nothing of it commits; statements keep program order. Also run on PGlite, where
// the same calls run one after another. PostgreSQL needs TEST_DATABASE_URL (skipped without it).
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../audit-event.js';
import { appendAudit, queueAudit } from './append-audit.js';
import { SQLSTATE, sqlStateOf } from './database-error.js';
import { rawQueryOf } from './database-internals.js';
import type { Database } from './database.js';
import { migrateDatabase } from './migrate.js';
import { openDatabase } from './open-database.js';
import { auditLog, patients } from './schema.js';
import { seedClinic, type SeededClinic } from './spec/seed.js';

const event = (clinicId: string, action: string): AuditEvent => ({
  clinicId,
  actor: 'user-1',
  actorKind: 'user',
  action,
  entity: null,
  patientId: null,
  at: Date.parse('2026-11-27T10:00:00Z'),
  from: '127.0.0.1',
  outcome: 'success',
});

interface Opened {
  readonly database: Database;
  dispose(): Promise<void>;
}

async function openPglite(): Promise<Opened> {
  const dataDir = await mkdtemp(join(tmpdir(), 'knotwork-queued-'));
  const database = await openDatabase({ dataDir });
  return {
    database,
    dispose: async () => {
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function openPostgres(adminUrl: string): Promise<Opened> {
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
  const dataDir = await mkdtemp(join(tmpdir(), 'knotwork-queued-pg-'));
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir });
  return {
    database,
    dispose: async () => {
      await database.close();
      await admin(`drop database if exists ${name} with (force)`);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function describeQueuedAudit(label: string, open: () => Promise<Opened>) {
  describe(`queued audit rows and pipelined reads on ${label}`, () => {
    let opened: Opened;
    let a: SeededClinic;
    let b: SeededClinic;
    beforeAll(async () => {
      opened = await open();
      await migrateDatabase(opened.database);
      a = await seedClinic(opened.database, 'Queued A');
      b = await seedClinic(opened.database, 'Queued B');
    }, 120_000);
    afterAll(() => opened.dispose());

    const actions = async (action: string) =>
      (
        await opened.database.asSystem((tx) =>
          tx.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.action, action)),
        )
      ).length;

    it('commits a queued row with the transaction, and the statements after it see it', async () => {
      const seen = await opened.database.withClinic(a.clinicId, async (tx) => {
        await queueAudit(tx, event(a.clinicId, 'test.queued'));
        return (await tx.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.action, 'test.queued'))).length;
      });
      expect(seen).toBe(1);
      await opened.database.withClinic(a.clinicId, (tx) => queueAudit(tx, event(a.clinicId, 'test.queued')));
      expect(await actions('test.queued')).toBe(2);
    });

    it('fails the transaction when a queued row is refused, and commits nothing of it', async () => {
      const failing = opened.database.withClinic(a.clinicId, async (tx) => {
        await appendAudit(tx, event(a.clinicId, 'test.before-refused'));
        // Row-level security refuses another clinic's row: the insert fails with the COMMIT.
        await queueAudit(tx, event(b.clinicId, 'test.refused'));
        return 'answered';
      });
      let state: string | undefined;
      await failing.then(
        () => undefined,
        (error: unknown) => (state = sqlStateOf(error)),
      );
      expect(state).toBe(SQLSTATE.insufficientPrivilege);
      expect(await actions('test.before-refused')).toBe(0);
      expect(await actions('test.refused')).toBe(0);
      // The connection went back to the pool in a usable state.
      await opened.database.withClinic(a.clinicId, (tx) => queueAudit(tx, event(a.clinicId, 'test.after')));
      expect(await actions('test.after')).toBe(1);
    });

    it('commits a read’s audit row before the read resolves, for many reads at once in two clinics', async () => {
      const reads = Array.from({ length: 24 }, (_, i) => {
        const clinic = i % 2 === 0 ? a : b;
        return opened.database.readInClinic(clinic.clinicId, async (tx) => {
          await queueAudit(tx, event(clinic.clinicId, 'test.read-audit'));
          return clinic.clinicId;
        });
      });
      const clinics = await Promise.all(reads);
      expect(clinics.filter((c) => c === a.clinicId)).toHaveLength(12);
      const rows = await opened.database.asSystem((tx) =>
        tx.select({ clinicId: auditLog.clinicId }).from(auditLog).where(eq(auditLog.action, 'test.read-audit')),
      );
      expect(rows.filter((r) => r.clinicId === a.clinicId)).toHaveLength(12);
      expect(rows.filter((r) => r.clinicId === b.clinicId)).toHaveLength(12);
    });

    it('refuses a read’s audit row of another clinic, and the read with it', async () => {
      const read = opened.database.readInClinic(a.clinicId, async (tx) => {
        await queueAudit(tx, event(b.clinicId, 'test.read-other-clinic'));
        return 'answered';
      });
      await expect(read).rejects.toThrow();
      expect(await actions('test.read-other-clinic')).toBe(0);
    });

    it('fails the reads whose audit batch could not be committed, and hands nothing back', async () => {
      // An outcome the table's check refuses: the batch holding this row fails.
      const bad = { ...event(a.clinicId, 'test.read-batch-refused'), outcome: 'bogus' } as unknown as AuditEvent;
      const read = opened.database.readInClinic(a.clinicId, async (tx) => {
        await queueAudit(tx, bad);
        return 'the chart';
      });
      await expect(read).rejects.toThrow();
      expect(await actions('test.read-batch-refused')).toBe(0);
      // The next read is audited as usual.
      await opened.database.readInClinic(a.clinicId, (tx) => queueAudit(tx, event(a.clinicId, 'test.read-after')));
      expect(await actions('test.read-after')).toBe(1);
    });

    it('runs a read sent with the opening under the clinic, and only the clinic', async () => {
      const read = { name: 'knotwork_test_patients', text: 'select id from patients order by id', readOnly: true };
      const ids = await opened.database.withClinic(a.clinicId, async (tx) => {
        const raw = rawQueryOf(tx);
        if (!raw) throw new Error('no raw connection');
        return (await raw<{ id: string }>(read, [])).map((r) => r.id);
      });
      const own = await opened.database.asSystem((tx) =>
        tx.select({ id: patients.id }).from(patients).where(eq(patients.clinicId, a.clinicId)),
      );
      expect(ids.sort()).toEqual(own.map((p) => p.id).sort());
      expect(ids).not.toContain(b.patientId);
    });
    if (label === 'PostgreSQL') {
      it('refuses any write but the audit row in a read transaction', async () => {
        const write = opened.database.readInClinic(a.clinicId, (tx) =>
          tx.update(patients).set({ familyName: 'Changed' }).where(eq(patients.id, a.patientId)),
        );
        const state = await write.then(
          () => 'written',
          (error: unknown) => sqlStateOf(error),
        );
        expect(state).toBe('25006'); // read_only_sql_transaction
      });
    }
  });
}

describeQueuedAudit('PGlite', openPglite);
const adminUrl = process.env['TEST_DATABASE_URL'];
if (adminUrl === undefined || adminUrl === '') {
  console.warn('PostgreSQL tests were skipped because TEST_DATABASE_URL is unset');
  describe.skip('queued audit rows on PostgreSQL (TEST_DATABASE_URL is unset)', () => {
    it('needs TEST_DATABASE_URL=postgres://...', () => undefined);
  });
} else {
  describeQueuedAudit('PostgreSQL', () => openPostgres(adminUrl));
}
