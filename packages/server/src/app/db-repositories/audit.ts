// The audit sinks: a clinic's, which appends in the request's transaction so the event commits or
// rolls back with what it describes, and the system's, for events before a clinic is known.
import type { AuditSink } from '../../audit-event.js';
import type { Database, KnotworkTx } from '../../db/index.js';
import { appendAudit } from '../../db/index.js';

/** The event's clinic is the transaction's: row-level security would refuse any other. */
export function clinicAuditSink(tx: KnotworkTx, clinicId: string): AuditSink {
  return {
    record: async (event) => {
      await appendAudit(tx, { ...event, clinicId });
    },
  };
}

export function systemAuditSink(database: Database): AuditSink {
  return {
    record: async (event) => {
      await database.asSystem((tx) => appendAudit(tx, event));
    },
  };
}
