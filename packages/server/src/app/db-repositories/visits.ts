// VisitStore on the database. A visit starts in progress; the user who starts it is recorded as
// its creator and its clinician. The composite foreign keys refuse a visit for a patient or a user
// of another clinic.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { KnotworkTx } from '../../db/index.js';
import { visits } from '../../db/schema.js';
import type { Visit, VisitStore } from '../ports.js';
import type { NewId } from './options.js';
import { isUuid, onlyRow } from './rows.js';

type VisitRow = typeof visits.$inferSelect;

/** The stored status in the port's three: planned and arrived visits are not over yet. */
function statusOf(status: VisitRow['status']): Visit['status'] {
  switch (status) {
    case 'finished':
      return 'finished';
    case 'cancelled':
    case 'entered-in-error':
      return 'cancelled';
    case 'planned':
    case 'arrived':
    case 'in-progress':
      return 'in-progress';
  }
}

export function visitOf(row: VisitRow): Visit {
  return {
    id: row.id,
    patientId: row.patientId,
    startedAt: (row.startedAt ?? row.createdAt).getTime(),
    startedBy: row.createdBy ?? row.clinicianId ?? '',
    status: statusOf(row.status),
    endedAt: row.endedAt?.getTime() ?? null,
    // The row's reason column holds why a stopped visit was stopped (nothing else writes it).
    endReason: row.reason,
    revision: row.revision,
  };
}

/** The stored statuses of a visit not yet over (statusOf's 'in-progress'). */
const NOT_ENDED = ['planned', 'arrived', 'in-progress'] as const;

export function visitStore(tx: KnotworkTx, clinicId: string, newId: NewId): VisitStore {
  return {
    create: async ({ patientId, startedAt, startedBy }) =>
      visitOf(
        onlyRow(
          await tx
            .insert(visits)
            .values({
              id: newId?.(),
              clinicId,
              patientId,
              status: 'in-progress',
              startedAt: new Date(startedAt),
              clinicianId: startedBy,
              createdBy: startedBy,
            })
            .returning(),
          'visits.create',
        ),
      ),
    get: async (id) => {
      if (!isUuid(id)) return undefined;
      const [row] = await tx.select().from(visits).where(eq(visits.id, id));
      return row ? visitOf(row) : undefined;
    },
    ofPatient: async (patientId) => {
      if (!isUuid(patientId)) return [];
      const rows = await tx
        .select()
        .from(visits)
        .where(eq(visits.patientId, patientId))
        .orderBy(desc(visits.startedAt), desc(visits.createdAt));
      return rows.map(visitOf);
    },
    end: async (id, expectedRevision, end) => {
      if (!isUuid(id)) return undefined;
      // One conditional statement: of two concurrent ends of one revision, the second updates nothing.
      const [row] = await tx
        .update(visits)
        .set({
          status: end.status,
          endedAt: new Date(end.endedAt),
          reason: end.reason,
          revision: sql`${visits.revision} + 1`,
          updatedAt: sql`now()`,
        })
        .where(and(eq(visits.id, id), eq(visits.revision, expectedRevision), inArray(visits.status, [...NOT_ENDED])))
        .returning();
      if (row) return visitOf(row);
      const [exists] = await tx.select({ id: visits.id }).from(visits).where(eq(visits.id, id));
      return exists ? 'stale' : undefined;
    },
  };
}
