// NoteStore on the database (procedure_notes). A new version is `INSERT ... ON CONFLICT DO NOTHING`
// on (visit_id, version): no row back is 'exists'. Editing and signing are one
// `UPDATE ... WHERE id AND status = 'draft' AND revision = expected`: of two concurrent signatures
// one matches, the other finds no draft at that revision; a signed row is never matched, so the
// trigger that refuses changing it (migration 0001) is the last line, not the usual answer.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { KnotworkTx } from '../../db/index.js';
import { procedureNotes } from '../../db/schema.js';
import { noteContentOf, type NoteStore, type StoredNote } from '../visits/note-ports.js';
import type { NewId } from './options.js';
import { epochMsOrNull, isUuid } from './rows.js';

type NoteRow = typeof procedureNotes.$inferSelect;

export function noteOf(row: NoteRow): StoredNote {
  return {
    id: row.id,
    visitId: row.visitId,
    patientId: row.patientId,
    version: row.version,
    status: row.status,
    content: noteContentOf(row.content),
    revision: row.revision,
    createdBy: row.createdBy,
    signedBy: row.signedBy,
    signedAt: epochMsOrNull(row.signedAt),
    amendmentReason: row.amendmentReason,
    previousVersionId: row.previousVersionId,
  };
}

export function noteStore(tx: KnotworkTx, clinicId: string, newId: NewId): NoteStore {
  const get = async (id: string) => {
    if (!isUuid(id)) return undefined;
    const [row] = await tx.select().from(procedureNotes).where(eq(procedureNotes.id, id));
    return row ? noteOf(row) : undefined;
  };
  /** Why a conditional update matched nothing: the note is final, or it moved on. */
  const missed = async (id: string) => (((await get(id))?.status ?? 'draft') === 'draft' ? 'stale' : 'locked');
  return {
    get,
    ofVisit: async (visitId) => {
      if (!isUuid(visitId)) return [];
      const rows = await tx
        .select()
        .from(procedureNotes)
        .where(eq(procedureNotes.visitId, visitId))
        .orderBy(asc(procedureNotes.version));
      return rows.map(noteOf);
    },
    insert: async (n) => {
      const [row] = await tx
        .insert(procedureNotes)
        .values({
          id: newId?.(),
          clinicId,
          patientId: n.patientId,
          visitId: n.visitId,
          version: n.version,
          status: 'draft',
          content: n.content,
          createdBy: n.by,
          previousVersionId: n.previousVersionId,
          amendmentReason: n.amendmentReason,
        })
        .onConflictDoNothing({ target: [procedureNotes.visitId, procedureNotes.version] })
        .returning();
      return row ? noteOf(row) : 'exists';
    },
    edit: async (id, expectedRevision, content) => {
      if (!isUuid(id)) return 'stale';
      const [row] = await tx
        .update(procedureNotes)
        .set({ content, revision: sql`${procedureNotes.revision} + 1`, updatedAt: sql`now()` })
        .where(
          and(
            eq(procedureNotes.id, id),
            eq(procedureNotes.status, 'draft'),
            eq(procedureNotes.revision, expectedRevision),
          ),
        )
        .returning();
      return row ? noteOf(row) : missed(id);
    },
    sign: async (id, expectedRevision, s) => {
      if (!isUuid(id)) return 'stale';
      const [row] = await tx
        .update(procedureNotes)
        .set({
          status: s.status,
          signedBy: s.by,
          signedAt: new Date(s.at),
          revision: sql`${procedureNotes.revision} + 1`,
          updatedAt: sql`now()`,
        })
        .where(
          and(
            eq(procedureNotes.id, id),
            eq(procedureNotes.status, 'draft'),
            eq(procedureNotes.revision, expectedRevision),
          ),
        )
        .returning();
      return row ? noteOf(row) : missed(id);
    },
  };
}
