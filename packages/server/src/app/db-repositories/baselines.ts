// BaselineStore on the database (visit_baselines, one row per visit). Creating is an INSERT ... ON
// CONFLICT DO NOTHING on the visit (of two first saves one wins); replacing is one
// UPDATE ... WHERE visit AND revision (of two from one revision one wins).
import { and, eq, sql } from 'drizzle-orm';
import type { KnotworkTx } from '../../db/index.js';
import { visitBaselines } from '../../db/schema.js';
import type { BaselineStore, StoredBaseline } from '../visits/baseline-ports.js';
import type { NewId } from './options.js';
import { isUuid } from './rows.js';

export function baselineOf(r: typeof visitBaselines.$inferSelect): StoredBaseline {
  return {
    visitId: r.visitId,
    patientId: r.patientId,
    indication: { icd10: r.indicationIcd10, display: r.indicationDisplay },
    painNrs: r.painNrs,
    peg:
      r.pegPain === null || r.pegEnjoyment === null || r.pegActivity === null
        ? null
        : { pain: r.pegPain, enjoyment: r.pegEnjoyment, activity: r.pegActivity },
    recordedAt: r.recordedAt.getTime(),
    recordedBy: r.recordedBy,
    revision: r.revision,
  };
}

export function baselineStore(tx: KnotworkTx, clinicId: string, newId: NewId): BaselineStore {
  return {
    ofVisit: async (visitId) => {
      if (!isUuid(visitId)) return undefined;
      const [row] = await tx.select().from(visitBaselines).where(eq(visitBaselines.visitId, visitId));
      return row ? baselineOf(row) : undefined;
    },
    save: async (b, expectedRevision) => {
      const values = {
        indicationIcd10: b.indication.icd10,
        indicationDisplay: b.indication.display,
        painNrs: b.painNrs,
        pegPain: b.peg?.pain ?? null,
        pegEnjoyment: b.peg?.enjoyment ?? null,
        pegActivity: b.peg?.activity ?? null,
        recordedAt: new Date(b.at),
        recordedBy: b.by,
      };
      const [row] =
        expectedRevision === 0
          ? await tx
              .insert(visitBaselines)
              .values({ id: newId?.(), clinicId, patientId: b.patientId, visitId: b.visitId, ...values })
              .onConflictDoNothing({ target: visitBaselines.visitId })
              .returning()
          : await tx
              .update(visitBaselines)
              .set({ ...values, revision: sql`${visitBaselines.revision} + 1`, updatedAt: sql`now()` })
              .where(and(eq(visitBaselines.visitId, b.visitId), eq(visitBaselines.revision, expectedRevision)))
              .returning();
      return row ? baselineOf(row) : 'stale';
    },
  };
}
