// The audit log (issue 3, item 5): who, what, when, from where and the outcome of every read and
// write of patient data. Insert-only for the application role; hash-chained by a sealer
// (../audit-chain.ts) so that requests never wait on each other to extend the chain.
import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { clinics } from './clinics.js';
import { oneOf, timestamptz } from './columns.js';
import { AUDIT_ACTOR_KINDS, AUDIT_OUTCOMES } from './vocab.js';

export const auditLog = pgTable(
  'audit_log',
  {
    /** Insertion order; the sealer links rows in this order. */
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** Null for events before a clinic is known (a failed login); those are written as system. */
    clinicId: uuid('clinic_id').references(() => clinics.id),
    actor: text('actor'),
    actorKind: text('actor_kind', { enum: AUDIT_ACTOR_KINDS }).notNull(),
    action: text('action').notNull(),
    entity: text('entity'),
    /** No foreign key: the log outlives what it describes. */
    patientId: uuid('patient_id'),
    at: timestamptz('at').notNull(),
    fromAddress: text('from_address'),
    outcome: text('outcome', { enum: AUDIT_OUTCOMES }).notNull(),
    detail: jsonb('detail'),
    /** SHA-256 (hex) of the row's canonical content, computed at insert. */
    rowHash: text('row_hash').notNull(),
    /** Position in the chain, set by the sealer; null until sealed. */
    chainSeq: bigint('chain_seq', { mode: 'number' }).unique('audit_log_chain_seq_key'),
    /** SHA-256 (hex) of the previous row's chain_hash and this row's row_hash; null until sealed. */
    chainHash: text('chain_hash'),
    sealedAt: timestamptz('sealed_at'),
  },
  (t) => [
    index('audit_log_clinic_idx').on(t.clinicId, t.id),
    index('audit_log_patient_idx').on(t.clinicId, t.patientId, t.id),
    index('audit_log_unsealed_idx')
      .on(t.id)
      .where(sql`${t.chainSeq} is null`),
    oneOf('audit_log_actor_kind_check', t.actorKind, AUDIT_ACTOR_KINDS),
    oneOf('audit_log_outcome_check', t.outcome, AUDIT_OUTCOMES),
  ],
);
