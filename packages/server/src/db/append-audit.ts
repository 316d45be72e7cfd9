// Writes one audit event in the caller's transaction (GUIDE.md habit 10): it commits or rolls back
// with the change it describes. No lock and no read of other rows: the row carries the hash of its
// own content, and the sealer (./audit-chain.ts) links it into the chain later.
import { sql } from 'drizzle-orm';
import type { AuditEvent } from '../audit-event.js';
import { auditRowHash, canonicalJson, type AuditRowContent } from './audit-hash.js';
import type { KnotworkExecutor } from './database.js';
import { deferredQueryOf, rawQueryOf, type Statement } from './database-internals.js';

// Plain SQL naming only the event's columns: the application role may insert nothing else
// (drizzle's builder would list every column, the chain ones included). Prepared once per
// connection under its name.
const INSERT_AUDIT: Statement = {
  name: 'knotwork_audit_insert',
  text: `insert into audit_log
      (clinic_id, actor, actor_kind, action, entity, patient_id, at, from_address, outcome, detail, row_hash)
    values ($1::uuid, $2, $3, $4, $5, $6::uuid, $7::timestamptz, $8, $9, $10::jsonb, $11)
    returning id`,
};

/** The insert's parameters, the row's hash among them. */
function auditValues(event: AuditEvent): unknown[] {
  const content: AuditRowContent = {
    clinicId: event.clinicId,
    actor: event.actor,
    actorKind: event.actorKind,
    action: event.action,
    entity: event.entity,
    patientId: event.patientId,
    // timestamptz keeps microseconds but reads back as a JS Date: hash what will read back.
    at: Math.trunc(event.at),
    fromAddress: event.from,
    outcome: event.outcome,
    detail: event.detail ?? null,
  };
  const detail = event.detail === undefined ? null : canonicalJson(event.detail);
  return [
    content.clinicId,
    content.actor,
    content.actorKind,
    content.action,
    content.entity,
    content.patientId,
    new Date(content.at).toISOString(),
    content.fromAddress,
    content.outcome,
    detail,
    auditRowHash(content),
  ];
}

/**
 * Appends `event` in `tx` without waiting for its answer where the transaction allows it
 * (PostgreSQL): the insert travels with the transaction's next statement or its COMMIT, and a
 * failed insert fails that statement or the commit, so nothing the event describes commits
 * without its row. Elsewhere it is appendAudit.
 */
export async function queueAudit(tx: KnotworkExecutor, event: AuditEvent): Promise<void> {
  const defer = deferredQueryOf(tx);
  if (defer) defer(INSERT_AUDIT, auditValues(event));
  else await appendAudit(tx, event);
}

/**
 * Appends `event` through `tx`: a withClinic transaction for an event of that clinic (row-level
 * security refuses any other clinic_id, and a null one), or asSystem for an event without a clinic
 * (a failed login). Returns the row's id.
 */
export async function appendAudit(tx: KnotworkExecutor, event: AuditEvent): Promise<{ id: number }> {
  const values = auditValues(event);
  const raw = rawQueryOf(tx);
  const rows = raw
    ? await raw<{ id: string | number }>(INSERT_AUDIT, values)
    : rowsOf<{ id: string | number }>(
        await tx.execute(
          sql`insert into audit_log
            (clinic_id, actor, actor_kind, action, entity, patient_id, at, from_address, outcome, detail, row_hash)
          values (${sql.join(
            values.map((v) => sql`${v}`),
            sql`, `,
          )})
          returning id`,
        ),
      );
  const id = rows[0]?.id;
  if (id === undefined) throw new Error('audit_log insert returned no id');
  return { id: Number(id) };
}

/** node-postgres and PGlite both answer `execute` with `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
