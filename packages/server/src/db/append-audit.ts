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
export const INSERT_AUDIT: Statement = {
  name: 'knotwork_audit_insert',
  text: `insert into audit_log
      (clinic_id, actor, actor_kind, action, entity, patient_id, at, from_address, outcome, detail, row_hash)
    values ($1::uuid, $2, $3, $4, $5, $6::uuid, $7::timestamptz, $8, $9, $10::jsonb, $11)
    returning id`,
};

const INSERT_AUDIT_COLUMNS = [
  'clinic_id',
  'actor',
  'actor_kind',
  'action',
  'entity',
  'patient_id',
  'at',
  'from_address',
  'outcome',
  'detail',
  'row_hash',
] as const;

/**
 * The audit rows of reads, group-committed (./audit-batcher.ts): the same columns as INSERT_AUDIT,
 * each parameter an array with one element per row (the rows' INSERT_AUDIT values, transposed), so
 * one statement of a fixed text inserts any number of rows, in order.
 */
export const INSERT_AUDIT_BATCH: Statement = {
  name: 'knotwork_audit_insert_batch',
  text: `insert into audit_log
      (clinic_id, actor, actor_kind, action, entity, patient_id, at, from_address, outcome, detail, row_hash)
    select clinic_id, actor, actor_kind, action, entity, patient_id, at::timestamptz, from_address, outcome,
      detail::jsonb, row_hash
    from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::text[], $8::text[],
      $9::text[], $10::text[], $11::text[])
      with ordinality as t(clinic_id, actor, actor_kind, action, entity, patient_id, at, from_address, outcome,
        detail, row_hash, n)
    order by n`,
};

/** INSERT_AUDIT_BATCH's parameters for rows of INSERT_AUDIT values. */
export function auditBatchValues(rows: readonly (readonly unknown[])[]): unknown[][] {
  return INSERT_AUDIT_COLUMNS.map((_, column) => rows.map((row) => row[column] ?? null));
}

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
