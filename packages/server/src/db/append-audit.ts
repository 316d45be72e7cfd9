// Writes one audit event in the caller's transaction (GUIDE.md habit 10): it commits or rolls back
// with the change it describes. No lock and no read of other rows: the row carries the hash of its
// own content, and the sealer (./audit-chain.ts) links it into the chain later.
import { sql } from 'drizzle-orm';
import type { AuditEvent } from '../audit-event.js';
import { auditRowHash, canonicalJson, type AuditRowContent } from './audit-hash.js';
import type { KnotworkExecutor } from './database.js';

/**
 * Appends `event` through `tx`: a withClinic transaction for an event of that clinic (row-level
 * security refuses any other clinic_id, and a null one), or asSystem for an event without a clinic
 * (a failed login). Returns the row's id.
 */
export async function appendAudit(tx: KnotworkExecutor, event: AuditEvent): Promise<{ id: number }> {
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
  // Plain SQL naming only the event's columns: the application role may insert nothing else
  // (drizzle's builder would list every column, the chain ones included).
  const result = await tx.execute(sql`
    insert into audit_log
      (clinic_id, actor, actor_kind, action, entity, patient_id, at, from_address, outcome, detail, row_hash)
    values (
      ${content.clinicId}::uuid, ${content.actor}, ${content.actorKind}, ${content.action}, ${content.entity},
      ${content.patientId}::uuid, ${new Date(content.at).toISOString()}::timestamptz, ${content.fromAddress},
      ${content.outcome}, ${detail}::jsonb, ${auditRowHash(content)}
    )
    returning id`);
  const id = rowsOf<{ id: string | number }>(result)[0]?.id;
  if (id === undefined) throw new Error('audit_log insert returned no id');
  return { id: Number(id) };
}

/** node-postgres and PGlite both answer `execute` with `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
