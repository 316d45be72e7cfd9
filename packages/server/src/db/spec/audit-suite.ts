// Issue 3, item 5: an audit row commits or rolls back with its transaction; the application can
// only insert; sealing links rows into a chain that verify checks; tampering is reported.
import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { AuditEvent } from '../../audit-event.js';
import { appendAudit } from '../append-audit.js';
import { sealAuditChain, verifyAuditChain } from '../audit-chain.js';
import { auditRowHash } from '../audit-hash.js';
import { SQLSTATE, sqlStateOf } from '../database-error.js';
import { auditLog } from '../schema.js';
import type { GetContext } from './database-contract.js';

function event(clinicId: string | null, overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    clinicId,
    actor: 'user-1',
    actorKind: 'user',
    action: 'patient.read',
    entity: 'Patient/1',
    patientId: null,
    at: Date.parse('2025-03-04T10:15:30.123Z'),
    from: '127.0.0.1',
    outcome: 'success',
    detail: { fields: ['name', 'birthDate'], z: 1, a: { y: true, b: null } },
    ...overrides,
  };
}

async function refusal(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return sqlStateOf(error);
  }
  throw new Error('expected the database to refuse');
}

export function describeAudit(get: GetContext): void {
  describe('audit log', () => {
    const rowCount = async () =>
      (await get().database.asSystem((tx) => tx.select({ id: auditLog.id }).from(auditLog))).length;

    it('writes the row with the transaction, and not when it rolls back', async () => {
      const { database, a } = get();
      const before = await rowCount();
      const failing = database.withClinic(a.clinicId, async (tx) => {
        await appendAudit(tx, event(a.clinicId, { patientId: a.patientId }));
        throw new Error('the change failed');
      });
      await expect(failing).rejects.toThrow('the change failed');
      expect(await rowCount()).toBe(before);
      await database.withClinic(a.clinicId, (tx) => appendAudit(tx, event(a.clinicId, { patientId: a.patientId })));
      await database.asSystem((tx) => appendAudit(tx, event(null, { actorKind: 'anonymous', actor: null })));
      expect(await rowCount()).toBe(before + 2);
    });

    it("lets the application insert only its own clinic's rows, never update or delete them", async () => {
      const { database, a, b } = get();
      const { id } = await database.withClinic(a.clinicId, (tx) => appendAudit(tx, event(a.clinicId)));
      const other = database.withClinic(a.clinicId, (tx) => appendAudit(tx, event(b.clinicId)));
      expect(await refusal(other)).toBe(SQLSTATE.insufficientPrivilege);
      const update = database.withClinic(a.clinicId, (tx) =>
        tx.update(auditLog).set({ action: 'x' }).where(eq(auditLog.id, id)),
      );
      expect(await refusal(update)).toBe(SQLSTATE.insufficientPrivilege);
      const remove = database.withClinic(a.clinicId, (tx) => tx.delete(auditLog).where(eq(auditLog.id, id)));
      expect(await refusal(remove)).toBe(SQLSTATE.insufficientPrivilege);
      const systemEdit = database.asSystem((tx) => tx.update(auditLog).set({ action: 'x' }).where(eq(auditLog.id, id)));
      expect(await refusal(systemEdit)).toBe(SQLSTATE.auditRowChanged);
    });

    it('seals in batches, then verifies every row and link', async () => {
      const { database, a } = get();
      for (let i = 0; i < 5; i++) {
        await database.withClinic(a.clinicId, (tx) => appendAudit(tx, event(a.clinicId, { action: `step.${i}` })));
      }
      const total = await rowCount();
      expect(await sealAuditChain(database, { batch: 3 })).toEqual({ sealed: 3, more: true });
      expect(await sealAuditChain(database)).toEqual({ sealed: total - 3, more: false });
      expect(await sealAuditChain(database)).toEqual({ sealed: 0, more: false });
      await database.withClinic(a.clinicId, (tx) => appendAudit(tx, event(a.clinicId, { action: 'after.seal' })));
      const sealedRows = await database.asSystem((tx) => tx.select().from(auditLog).orderBy(auditLog.chainSeq));
      const last = sealedRows.filter((r) => r.chainSeq !== null).at(-1);
      expect(await verifyAuditChain(database)).toEqual({
        ok: true,
        rows: total + 1,
        sealed: total,
        unsealed: 1,
        head: { chainSeq: total, chainHash: last?.chainHash },
      });
    });

    it('reports the first tampered row, even when a superuser bypassed the guard', async () => {
      const { database } = get();
      await sealAuditChain(database);
      const rows = await database.asSystem((tx) => tx.select().from(auditLog).orderBy(auditLog.chainSeq));
      const victim = rows[2];
      if (!victim) throw new Error('expected sealed rows');
      const tamper = (change: Partial<typeof victim>) =>
        database.asSystem(async (tx) => {
          await tx.execute(sql`set local session_replication_role = replica`);
          await tx.update(auditLog).set(change).where(eq(auditLog.id, victim.id));
        });
      await tamper({ action: 'patient.nothing-to-see' });
      const report = await verifyAuditChain(database);
      expect(report).toMatchObject({
        ok: false,
        checked: 2,
        problem: { code: 'row-hash-mismatch', rowId: victim.id, chainSeq: victim.chainSeq, stored: victim.rowHash },
      });
      // A forger who also recomputes the row's hash breaks the link to the next row instead.
      const forged = { ...victim, action: 'patient.nothing-to-see' };
      await tamper({ rowHash: auditRowHash({ ...forged, at: forged.at.getTime() }) });
      expect(await verifyAuditChain(database)).toMatchObject({
        ok: false,
        problem: { code: 'chain-hash-mismatch', rowId: victim.id, stored: victim.chainHash },
      });
      await tamper({ action: victim.action, rowHash: victim.rowHash });
      expect((await verifyAuditChain(database)).ok).toBe(true);
    });
  });
}
