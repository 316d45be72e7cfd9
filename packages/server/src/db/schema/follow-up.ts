// After the injection (issue 6): the follow-up links of a signed note (one per schedule point),
// the patient's answers, the clinic's tasks (a red flag) and the outbox of messages to send.
//
// A link's token is never stored: follow_ups keeps the SHA-256 (hex) of it. The public form finds
// the clinic from that hash before any clinic is known, with one narrow statement on the system
// connection (as sessions and API tokens are found, see app/db-repositories/follow-ups.ts); every
// other read and write of these tables runs in withClinic under forced row-level security
// (migrations/0007_follow_up.sql).
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clinicId, users } from './clinics.js';
import { createdAt, holds, id, oneOf, revision, sameClinic, timestamptz, updatedAt } from './columns.js';
import { patients, visits } from './patients.js';
import { procedureNotes } from './procedures.js';

export const FOLLOW_UP_STATUSES = ['pending', 'answered'] as const;
export const TASK_KINDS = ['red-flag'] as const;
export const TASK_URGENCIES = ['emergency', 'urgent', 'soon'] as const;
export const TASK_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export const OUTBOX_CHANNELS = ['email', 'sms'] as const;
export const OUTBOX_STATUSES = ['queued', 'sent', 'failed'] as const;

/** One contact of the schedule: created with the note's first signature, never by an amendment. */
export const followUps = pgTable(
  'follow_ups',
  {
    id: id(),
    clinicId: clinicId(),
    patientId: uuid('patient_id').notNull(),
    visitId: uuid('visit_id').notNull(),
    /** The signed version that created the schedule (version 1). */
    noteId: uuid('note_id').notNull(),
    /** The schedule point's id and label (`week-2`, `Week 2`) at the time of signing. */
    pointId: text('point_id').notNull(),
    label: text('label').notNull(),
    signedAt: timestamptz('signed_at').notNull(),
    dueAt: timestamptz('due_at').notNull(),
    asksPeg: boolean('asks_peg').notNull(),
    /** SHA-256 (hex) of the link's token; the token itself is never stored. */
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
    status: text('status', { enum: FOLLOW_UP_STATUSES }).notNull().default('pending'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('follow_ups_token_hash_key').on(t.tokenHash),
    unique('follow_ups_clinic_id_id_key').on(t.clinicId, t.id),
    unique('follow_ups_visit_point_key').on(t.visitId, t.pointId),
    index('follow_ups_patient_idx').on(t.clinicId, t.patientId),
    sameClinic('follow_ups_patient_fk', [t.clinicId, t.patientId], [patients.clinicId, patients.id]),
    sameClinic('follow_ups_visit_fk', [t.clinicId, t.visitId], [visits.clinicId, visits.id]),
    sameClinic('follow_ups_note_fk', [t.clinicId, t.noteId], [procedureNotes.clinicId, procedureNotes.id]),
    oneOf('follow_ups_status_check', t.status, FOLLOW_UP_STATUSES),
    holds('follow_ups_dates_check', sql`${t.dueAt} > ${t.signedAt} and ${t.expiresAt} > ${t.dueAt}`),
  ],
);

/** One entry of the patient's form; several a day are fine. */
export const followUpAnswers = pgTable(
  'follow_up_answers',
  {
    id: id(),
    clinicId: clinicId(),
    followUpId: uuid('follow_up_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    visitId: uuid('visit_id').notNull(),
    submittedAt: timestamptz('submitted_at').notNull(),
    painNrs: integer('pain_nrs').notNull(),
    reliefPct: integer('relief_pct').notNull(),
    pegPain: integer('peg_pain'),
    pegEnjoyment: integer('peg_enjoyment'),
    pegActivity: integer('peg_activity'),
    pgic: integer('pgic').notNull(),
    /** Side-effect ids answered yes (follow-up-schemas.ts SIDE_EFFECT_IDS). */
    sideEffects: jsonb('side_effects').$type<string[]>().notNull(),
    /** Red-flag ids answered yes, and `infection-signs` when raised from the side effects. */
    redFlags: jsonb('red_flags').$type<string[]>().notNull(),
    comment: text('comment'),
  },
  (t) => [
    unique('follow_up_answers_clinic_id_id_key').on(t.clinicId, t.id),
    index('follow_up_answers_follow_up_idx').on(t.clinicId, t.followUpId),
    index('follow_up_answers_patient_idx').on(t.clinicId, t.patientId),
    index('follow_up_answers_visit_idx').on(t.visitId),
    sameClinic('follow_up_answers_follow_up_fk', [t.clinicId, t.followUpId], [followUps.clinicId, followUps.id]),
    sameClinic('follow_up_answers_patient_fk', [t.clinicId, t.patientId], [patients.clinicId, patients.id]),
    sameClinic('follow_up_answers_visit_fk', [t.clinicId, t.visitId], [visits.clinicId, visits.id]),
    holds(
      'follow_up_answers_scores_check',
      sql`${t.painNrs} between 0 and 10 and ${t.reliefPct} between 0 and 100 and ${t.pgic} between 1 and 7 and coalesce(${t.pegPain}, 0) between 0 and 10 and coalesce(${t.pegEnjoyment}, 0) between 0 and 10 and coalesce(${t.pegActivity}, 0) between 0 and 10`,
    ),
  ],
);

/** Something the clinic must act on: today a red flag from a patient's answers. */
export const clinicTasks = pgTable(
  'clinic_tasks',
  {
    id: id(),
    clinicId: clinicId(),
    kind: text('kind', { enum: TASK_KINDS }).notNull(),
    urgency: text('urgency', { enum: TASK_URGENCIES }).notNull(),
    patientId: uuid('patient_id').notNull(),
    visitId: uuid('visit_id').notNull(),
    answerId: uuid('answer_id'),
    summary: text('summary').notNull(),
    /** The red flags with their urgency, advice and sources, as the patient was told. */
    detail: jsonb('detail').notNull(),
    status: text('status', { enum: TASK_STATUSES }).notNull().default('open'),
    createdAt: createdAt(),
    acknowledgedBy: uuid('acknowledged_by'),
    acknowledgedAt: timestamptz('acknowledged_at'),
    resolvedBy: uuid('resolved_by'),
    resolvedAt: timestamptz('resolved_at'),
    updatedAt: updatedAt(),
    revision: revision(),
  },
  (t) => [
    index('clinic_tasks_status_idx').on(t.clinicId, t.status, t.createdAt),
    sameClinic('clinic_tasks_patient_fk', [t.clinicId, t.patientId], [patients.clinicId, patients.id]),
    sameClinic('clinic_tasks_visit_fk', [t.clinicId, t.visitId], [visits.clinicId, visits.id]),
    sameClinic('clinic_tasks_answer_fk', [t.clinicId, t.answerId], [followUpAnswers.clinicId, followUpAnswers.id]),
    sameClinic('clinic_tasks_acknowledged_by_fk', [t.clinicId, t.acknowledgedBy], [users.clinicId, users.id]),
    sameClinic('clinic_tasks_resolved_by_fk', [t.clinicId, t.resolvedBy], [users.clinicId, users.id]),
    oneOf('clinic_tasks_kind_check', t.kind, TASK_KINDS),
    oneOf('clinic_tasks_urgency_check', t.urgency, TASK_URGENCIES),
    oneOf('clinic_tasks_status_check', t.status, TASK_STATUSES),
  ],
);

/**
 * A message to send, written in the transaction of what causes it (a red flag's notification). The
 * server's outbox worker (system connection: it serves every clinic) sends it and records the try.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: id(),
    clinicId: clinicId(),
    channel: text('channel', { enum: OUTBOX_CHANNELS }).notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** What caused it (`Task/<id>`), for the audit trail. */
    about: text('about'),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamptz('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: timestamptz('sent_at'),
  },
  (t) => [
    index('outbox_messages_due_idx').on(t.status, t.nextAttemptAt),
    oneOf('outbox_messages_channel_check', t.channel, OUTBOX_CHANNELS),
    oneOf('outbox_messages_status_check', t.status, OUTBOX_STATUSES),
  ],
);
