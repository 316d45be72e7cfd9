// The clinic's audit log, newest first, a page at a time, in the clinic's transaction (row-level
// security: knotwork_app may SELECT audit_log, and sees its clinic's rows only). Keyset pagination
// on id (the audit_log_clinic_idx index is (clinic_id, id)); the cursor is the last row's id.
import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { KnotworkTx } from '../../db/index.js';
import { auditLog } from '../../db/schema.js';
import { auditCursor, type AuditEntry, type AuditReader } from '../admin/admin-ports.js';
import { InvalidCursorError } from './invalid-cursor.js';
import { isUuid } from './rows.js';

function entryOf(r: typeof auditLog.$inferSelect): AuditEntry {
  return {
    id: r.id,
    clinicId: r.clinicId,
    actor: r.actor,
    actorKind: r.actorKind,
    action: r.action,
    entity: r.entity,
    patientId: r.patientId,
    at: r.at.getTime(),
    from: r.fromAddress,
    outcome: r.outcome,
    ...(r.detail === null ? {} : { detail: r.detail as Record<string, unknown> }),
    chainSeq: r.chainSeq,
    sealed: r.chainSeq !== null,
  };
}

export function auditReader(tx: KnotworkTx, clinicId: string): AuditReader {
  return {
    page: async (q) => {
      const before = q.cursor === undefined ? undefined : auditCursor.decode(q.cursor);
      if (q.cursor !== undefined && before === undefined)
        throw new InvalidCursorError('the audit cursor is not one this server gave');
      // A patient id that is not a uuid names no row (the cast would abort the transaction).
      if (q.patientId !== undefined && !isUuid(q.patientId)) return { items: [], next: null };
      const where: (SQL | undefined)[] = [
        eq(auditLog.clinicId, clinicId),
        before === undefined ? undefined : lt(auditLog.id, before),
        q.from === undefined ? undefined : gte(auditLog.at, new Date(q.from)),
        q.to === undefined ? undefined : lt(auditLog.at, new Date(q.to)),
        q.actor === undefined ? undefined : eq(auditLog.actor, q.actor),
        q.action === undefined ? undefined : eq(auditLog.action, q.action),
        q.patientId === undefined ? undefined : eq(auditLog.patientId, q.patientId),
      ];
      const rows = await tx
        .select()
        .from(auditLog)
        .where(and(...where))
        .orderBy(desc(auditLog.id))
        .limit(q.limit + 1);
      const items = rows.slice(0, q.limit).map(entryOf);
      const last = items.at(-1);
      return { items, next: rows.length > q.limit && last ? auditCursor.encode(last.id) : null };
    },
  };
}
