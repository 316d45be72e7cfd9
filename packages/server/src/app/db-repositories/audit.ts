// The audit sinks: a clinic's, which appends in the request's transaction so the event commits or
// rolls back with what it describes, and the system's, for events before a clinic is known.
import type { AuditSink } from '../../audit-event.js';
import type { Database, KnotworkTx } from '../../db/index.js';
import { appendAudit } from '../../db/index.js';
import { queueAudit } from '../../db/append-audit.js';

/**
 * The event's clinic is the transaction's: row-level security would refuse any other. On
 * PostgreSQL the insert is queued to travel with the transaction's next statement or its COMMIT
 * (queueAudit): record() resolves before the row is answered, and a failed insert fails the
 * transaction, so the change and its audit row still commit together or not at all.
 */
export function clinicAuditSink(tx: KnotworkTx, clinicId: string): AuditSink {
  return {
    record: (event) => queueAudit(tx, { ...event, clinicId }),
  };
}

export function systemAuditSink(database: Database): AuditSink {
  return {
    record: async (event) => {
      await database.asSystem((tx) => appendAudit(tx, event));
    },
  };
}
