// Issue 3, items 2 and 6: a signed note is never changed in place (the database refuses, whoever
// asks); an amendment is a new version; two concurrent signatures leave exactly one signed version.
import { describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { SQLSTATE, sqlStateOf } from '../database-error.js';
import type { KnotworkTx } from '../database.js';
import { procedureNotes } from '../schema.js';
import type { GetContext } from './database-contract.js';

async function refusal(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return sqlStateOf(error);
  }
  throw new Error('expected the database to refuse');
}

function sign(tx: KnotworkTx, noteId: string, userId: string) {
  return tx
    .update(procedureNotes)
    .set({ status: 'signed', signedBy: userId, signedAt: new Date(), revision: sql`${procedureNotes.revision} + 1` })
    .where(and(eq(procedureNotes.id, noteId), eq(procedureNotes.status, 'draft')))
    .returning({ id: procedureNotes.id });
}

export function describeNotes(get: GetContext): void {
  describe('procedure notes', () => {
    it('lets a draft change, then refuses any UPDATE or DELETE once signed, even as system', async () => {
      const { database, a } = get();
      await database.withClinic(a.clinicId, async (tx) => {
        await tx
          .update(procedureNotes)
          .set({ content: { sites: ['trapezius'] } })
          .where(eq(procedureNotes.id, a.noteId));
        expect(await sign(tx, a.noteId, a.userId)).toHaveLength(1);
      });
      const edit = (tx: KnotworkTx) =>
        tx
          .update(procedureNotes)
          .set({ content: { sites: ['changed'] } })
          .where(eq(procedureNotes.id, a.noteId));
      expect(await refusal(database.withClinic(a.clinicId, edit))).toBe(SQLSTATE.finalNoteChanged);
      expect(await refusal(database.asSystem(edit))).toBe(SQLSTATE.finalNoteChanged);
      const remove = database.withClinic(a.clinicId, (tx) =>
        tx.delete(procedureNotes).where(eq(procedureNotes.id, a.noteId)),
      );
      expect(await refusal(remove)).toBe(SQLSTATE.finalNoteChanged);
      const [kept] = await database.asSystem((tx) =>
        tx.select().from(procedureNotes).where(eq(procedureNotes.id, a.noteId)),
      );
      expect(kept).toMatchObject({ status: 'signed', content: { sites: ['trapezius'] } });
    });

    it('records an amendment as a new version with its reason, itself final once amended', async () => {
      const { database, a } = get();
      const base = { clinicId: a.clinicId, patientId: a.patientId, visitId: a.visitId, content: { v: 2 } };
      const noReason = database.withClinic(a.clinicId, (tx) =>
        tx.insert(procedureNotes).values({ ...base, version: 2, previousVersionId: a.noteId }),
      );
      expect(await refusal(noReason)).toBe(SQLSTATE.checkViolation);
      const [amendment] = await database.withClinic(a.clinicId, (tx) =>
        tx
          .insert(procedureNotes)
          .values({
            ...base,
            version: 2,
            previousVersionId: a.noteId,
            amendmentReason: 'Wrong side recorded for site 2',
            status: 'amended',
            signedBy: a.userId,
            signedAt: new Date(),
          })
          .returning({ id: procedureNotes.id }),
      );
      const amendmentId = amendment?.id ?? '';
      const edit = database.withClinic(a.clinicId, (tx) =>
        tx.update(procedureNotes).set({ amendmentReason: 'changed' }).where(eq(procedureNotes.id, amendmentId)),
      );
      expect(await refusal(edit)).toBe(SQLSTATE.finalNoteChanged);
    });

    it('signs a draft exactly once when two signatures race', async () => {
      const { database, b } = get();
      const results = await Promise.all(
        [0, 1].map(() => database.withClinic(b.clinicId, (tx) => sign(tx, b.noteId, b.userId))),
      );
      expect(results.map((r) => r.length).sort()).toEqual([0, 1]);
    });
  });
}
