// What happens at a visit: the screen and its overrides, the plan, the procedure note and its
// versions, the administrations per site, complications and consents.
import { sql } from 'drizzle-orm';
import { doublePrecision, index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { clinicId, users } from './clinics.js';
import { createdAt, holds, id, oneOf, revision, sameClinic, timestamptz, updatedAt } from './columns.js';
import { patients, visits } from './patients.js';
import {
  COMPLICATION_REPORTERS,
  COMPLICATION_SEVERITIES,
  COMPLICATION_STATUSES,
  NOTE_STATUSES,
  SCREEN_VERDICTS,
  SIDES,
  SIGNATURE_KINDS,
  SIGNER_KINDS,
} from './vocab.js';

const patientId = () => uuid('patient_id').notNull();
const visitId = () => uuid('visit_id').notNull();

/** A CDS Hooks screen as run: the request, the cards, the verdict, under which policy and as of when. */
export const screens = pgTable(
  'screens',
  {
    id: id(),
    clinicId: clinicId(),
    /** Our patient, for a visit's screen; null for a screen an EHR asked for (its patient is the EHR's). */
    patientId: uuid('patient_id'),
    visitId: uuid('visit_id'),
    /** The CDS client's issuer, for a screen an EHR asked for over CDS Hooks. */
    client: text('client'),
    hookInstance: text('hook_instance'),
    request: jsonb('request').notNull(),
    cards: jsonb('cards').notNull(),
    verdict: text('verdict', { enum: SCREEN_VERDICTS }).notNull(),
    /** Every rule evaluated or skipped, fired or not (the screen explains itself). */
    trace: jsonb('trace'),
    policyVersion: text('policy_version').notNull(),
    asOf: timestamptz('as_of').notNull(),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    unique('screens_clinic_id_id_key').on(t.clinicId, t.id),
    index('screens_patient_idx').on(t.clinicId, t.patientId, t.createdAt),
    index('screens_visit_idx').on(t.clinicId, t.visitId),
    sameClinic('screens_patient_fk', [t.clinicId, t.patientId], [patients.clinicId, patients.id]),
    sameClinic('screens_visit_fk', [t.clinicId, t.visitId], [visits.clinicId, visits.id]),
    sameClinic('screens_created_by_fk', [t.clinicId, t.createdBy], [users.clinicId, users.id]),
    oneOf('screens_verdict_check', t.verdict, SCREEN_VERDICTS),
    holds('screens_subject_check', sql`${t.patientId} is not null or ${t.client} is not null`),
  ],
);

/** A clinician going ahead despite a card: which card, which finding, why, who and when. */
export const screenOverrides = pgTable(
  'screen_overrides',
  {
    id: id(),
    clinicId: clinicId(),
    screenId: uuid('screen_id').notNull(),
    cardUuid: text('card_uuid').notNull(),
    finding: text('finding').notNull(),
    reasonCode: text('reason_code').notNull(),
    reasonText: text('reason_text'),
    userId: uuid('user_id').notNull(),
    at: timestamptz('at').notNull(),
  },
  (t) => [
    index('screen_overrides_screen_idx').on(t.clinicId, t.screenId),
    sameClinic('screen_overrides_screen_fk', [t.clinicId, t.screenId], [screens.clinicId, screens.id]),
    sameClinic('screen_overrides_user_fk', [t.clinicId, t.userId], [users.clinicId, users.id]),
  ],
);

export const plans = pgTable(
  'plans',
  {
    id: id(),
    clinicId: clinicId(),
    patientId: patientId(),
    visitId: visitId(),
    screenId: uuid('screen_id'),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
    updatedAt: updatedAt(),
    revision: revision(),
  },
  (t) => [
    unique('plans_clinic_id_id_key').on(t.clinicId, t.id),
    index('plans_visit_idx').on(t.clinicId, t.visitId),
    sameClinic('plans_patient_fk', [t.clinicId, t.patientId], [patients.clinicId, patients.id]),
    sameClinic('plans_visit_fk', [t.clinicId, t.visitId], [visits.clinicId, visits.id]),
    sameClinic('plans_screen_fk', [t.clinicId, t.screenId], [screens.clinicId, screens.id]),
    sameClinic('plans_created_by_fk', [t.clinicId, t.createdBy], [users.clinicId, users.id]),
  ],
);

/** A planned site: the muscle (catalogue code), the side and the trigger-point findings. */
export const planSites = pgTable(
  'plan_sites',
  {
    id: id(),
    clinicId: clinicId(),
    planId: uuid('plan_id').notNull(),
    position: integer('position').notNull(),
    muscleCode: text('muscle_code').notNull(),
    side: text('side', { enum: SIDES }).notNull(),
    /** Trigger-point findings: taut band, twitch, referred pain pattern, points marked ... */
    findings: jsonb('findings')
      .notNull()
      .default(sql`'{}'::jsonb`),
  },
  (t) => [
    unique('plan_sites_clinic_id_id_key').on(t.clinicId, t.id),
    unique('plan_sites_position_key').on(t.planId, t.position),
    index('plan_sites_plan_idx').on(t.clinicId, t.planId),
    sameClinic('plan_sites_plan_fk', [t.clinicId, t.planId], [plans.clinicId, plans.id]),
    oneOf('plan_sites_side_check', t.side, SIDES),
  ],
);

/** A planned product and the volume of it, as the screen's order lines. */
export const planLines = pgTable(
  'plan_lines',
  {
    id: id(),
    clinicId: clinicId(),
    planId: uuid('plan_id').notNull(),
    position: integer('position').notNull(),
    /** A catalogue injectate code; null when only text names the product. */
    productCode: text('product_code'),
    text: text('text').notNull(),
    volumeMl: doublePrecision('volume_ml'),
  },
  (t) => [
    unique('plan_lines_position_key').on(t.planId, t.position),
    index('plan_lines_plan_idx').on(t.clinicId, t.planId),
    sameClinic('plan_lines_plan_fk', [t.clinicId, t.planId], [plans.clinicId, plans.id]),
    holds('plan_lines_volume_check', sql`${t.volumeMl} is null or ${t.volumeMl} >= 0`),
  ],
);

/**
 * One version of a visit's procedure note. Signed and amended versions are final: a trigger
 * (migration 0001) refuses their UPDATE and DELETE; an amendment is a new row with the next
 * version number, the reason and the version it amends.
 */
export const procedureNotes = pgTable(
  'procedure_notes',
  {
    id: id(),
    clinicId: clinicId(),
    patientId: patientId(),
    visitId: visitId(),
    version: integer('version').notNull(),
    status: text('status', { enum: NOTE_STATUSES }).notNull().default('draft'),
    content: jsonb('content').notNull(),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
    updatedAt: updatedAt(),
    revision: revision(),
    signedBy: uuid('signed_by'),
    signedAt: timestamptz('signed_at'),
    amendmentReason: text('amendment_reason'),
    previousVersionId: uuid('previous_version_id'),
  },
  (t) => [
    unique('procedure_notes_clinic_id_id_key').on(t.clinicId, t.id),
    unique('procedure_notes_version_key').on(t.visitId, t.version),
    index('procedure_notes_patient_idx').on(t.clinicId, t.patientId),
    sameClinic('procedure_notes_patient_fk', [t.clinicId, t.patientId], [patients.clinicId, patients.id]),
    sameClinic('procedure_notes_visit_fk', [t.clinicId, t.visitId], [visits.clinicId, visits.id]),
    sameClinic('procedure_notes_signed_by_fk', [t.clinicId, t.signedBy], [users.clinicId, users.id]),
    sameClinic('procedure_notes_created_by_fk', [t.clinicId, t.createdBy], [users.clinicId, users.id]),
    sameClinic('procedure_notes_previous_fk', [t.clinicId, t.previousVersionId], [t.clinicId, t.id] as const),
    oneOf('procedure_notes_status_check', t.status, NOTE_STATUSES),
    holds('procedure_notes_version_check', sql`${t.version} >= 1 and (${t.status} <> 'amended' or ${t.version} > 1)`),
    holds(
      'procedure_notes_signed_check',
      sql`${t.status} = 'draft' or (${t.signedBy} is not null and ${t.signedAt} is not null)`,
    ),
    holds(
      'procedure_notes_amendment_check',
      sql`(${t.version} = 1) = (${t.previousVersionId} is null) and (${t.version} = 1 or ${t.amendmentReason} is not null)`,
    ),
  ],
);

/**
 * What was injected at one site: product, volume, lot and expiry. Written from the note when it is
 * signed, in the signature's transaction; an amendment's signature replaces the visit's rows (the
 * note versions keep every earlier account, unchanged).
 */
export const administrations = pgTable(
  'administrations',
  {
    id: id(),
    clinicId: clinicId(),
    patientId: patientId(),
    visitId: visitId(),
    /** The signed note version these rows come from. */
    noteId: uuid('note_id'),
    planSiteId: uuid('plan_site_id'),
    muscleCode: text('muscle_code').notNull(),
    side: text('side', { enum: SIDES }).notNull(),
    productCode: text('product_code'),
    productText: text('product_text').notNull(),
    volumeMl: doublePrecision('volume_ml').notNull(),
    lot: text('lot'),
    expiry: text('expiry'),
    administeredAt: timestamptz('administered_at').notNull(),
    administeredBy: uuid('administered_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    revision: revision(),
  },
  (t) => [
    index('administrations_patient_idx').on(t.clinicId, t.patientId, t.administeredAt),
    index('administrations_visit_idx').on(t.clinicId, t.visitId),
    sameClinic('administrations_patient_fk', [t.clinicId, t.patientId], [patients.clinicId, patients.id]),
    sameClinic('administrations_visit_fk', [t.clinicId, t.visitId], [visits.clinicId, visits.id]),
    sameClinic('administrations_note_fk', [t.clinicId, t.noteId], [procedureNotes.clinicId, procedureNotes.id]),
    sameClinic('administrations_plan_site_fk', [t.clinicId, t.planSiteId], [planSites.clinicId, planSites.id]),
    sameClinic('administrations_administered_by_fk', [t.clinicId, t.administeredBy], [users.clinicId, users.id]),
    oneOf('administrations_side_check', t.side, SIDES),
    holds('administrations_volume_check', sql`${t.volumeMl} >= 0`),
  ],
);

/**
 * A complication of a visit's procedure: recorded at once in the note (written when it is signed,
 * with the note's id) or later by a clinician or from the patient's report. Never deleted: a wrong
 * entry is marked entered-in-error.
 */
export const complications = pgTable(
  'complications',
  {
    id: id(),
    clinicId: clinicId(),
    patientId: patientId(),
    visitId: visitId(),
    /** The signed note version that recorded it; null when recorded on its own. */
    noteId: uuid('note_id'),
    /** A reference complication id (REFERENCE.md 5.1: vasovagal, pneumothorax, bruising_haematoma ...). */
    typeCode: text('type_code').notNull(),
    status: text('status', { enum: COMPLICATION_STATUSES }).notNull().default('active'),
    /** Who reported it: the clinician, or the patient (follow-up). */
    reportedBy: text('reported_by', { enum: COMPLICATION_REPORTERS }).notNull().default('clinician'),
    severity: text('severity', { enum: COMPLICATION_SEVERITIES }).notNull(),
    onsetAt: timestamptz('onset_at').notNull(),
    action: text('action').notNull(),
    note: text('note'),
    recordedAt: timestamptz('recorded_at').notNull().defaultNow(),
    recordedBy: uuid('recorded_by'),
    updatedAt: updatedAt(),
    revision: revision(),
  },
  (t) => [
    index('complications_patient_idx').on(t.clinicId, t.patientId),
    index('complications_visit_idx').on(t.clinicId, t.visitId),
    sameClinic('complications_patient_fk', [t.clinicId, t.patientId], [patients.clinicId, patients.id]),
    sameClinic('complications_visit_fk', [t.clinicId, t.visitId], [visits.clinicId, visits.id]),
    sameClinic('complications_recorded_by_fk', [t.clinicId, t.recordedBy], [users.clinicId, users.id]),
    sameClinic('complications_note_fk', [t.clinicId, t.noteId], [procedureNotes.clinicId, procedureNotes.id]),
    oneOf('complications_severity_check', t.severity, COMPLICATION_SEVERITIES),
    oneOf('complications_status_check', t.status, COMPLICATION_STATUSES),
    oneOf('complications_reported_by_check', t.reportedBy, COMPLICATION_REPORTERS),
  ],
);

export const consents = pgTable(
  'consents',
  {
    id: id(),
    clinicId: clinicId(),
    patientId: patientId(),
    visitId: uuid('visit_id'),
    /** What was consented to, as a code (e.g. trigger-point-injection) and the words shown. */
    scope: text('scope').notNull(),
    description: text('description').notNull(),
    /** The risks as shown to the patient, in order, with their wording version. */
    risksShown: jsonb('risks_shown').notNull(),
    /** The whole form as shown (procedure, sites, drugs, benefits, risks, alternatives) and its version. */
    form: jsonb('form'),
    formVersion: text('form_version'),
    /** The plan revision the form was generated from. */
    planRevision: integer('plan_revision'),
    signerKind: text('signer_kind', { enum: SIGNER_KINDS }).notNull(),
    signerName: text('signer_name').notNull(),
    signerRelationship: text('signer_relationship'),
    signatureKind: text('signature_kind', { enum: SIGNATURE_KINDS }).notNull(),
    /** The typed name, or the image as a data: URL. */
    signatureData: text('signature_data').notNull(),
    signedAt: timestamptz('signed_at').notNull(),
    witnessedBy: uuid('witnessed_by'),
    createdAt: createdAt(),
  },
  (t) => [
    index('consents_patient_idx').on(t.clinicId, t.patientId),
    index('consents_visit_idx').on(t.clinicId, t.visitId),
    sameClinic('consents_patient_fk', [t.clinicId, t.patientId], [patients.clinicId, patients.id]),
    sameClinic('consents_visit_fk', [t.clinicId, t.visitId], [visits.clinicId, visits.id]),
    sameClinic('consents_witnessed_by_fk', [t.clinicId, t.witnessedBy], [users.clinicId, users.id]),
    oneOf('consents_signer_kind_check', t.signerKind, SIGNER_KINDS),
    oneOf('consents_signature_kind_check', t.signatureKind, SIGNATURE_KINDS),
    holds('consents_relationship_check', sql`${t.signerKind} = 'patient' or ${t.signerRelationship} is not null`),
  ],
);

/**
 * A visit's indication and baseline (issue 4 item 3): the diagnosis the TPI treats and the pain
 * before it on the scales follow-up will use again: pain NRS 0-10 (LOINC 72514-3) and the PEG
 * items (pain, enjoyment of life, general activity; 0-10 each). One per visit, revised under If-Match.
 */
export const visitBaselines = pgTable(
  'visit_baselines',
  {
    id: id(),
    clinicId: clinicId(),
    patientId: patientId(),
    visitId: visitId(),
    indicationIcd10: text('indication_icd10').notNull(),
    indicationDisplay: text('indication_display').notNull(),
    painNrs: integer('pain_nrs').notNull(),
    pegPain: integer('peg_pain'),
    pegEnjoyment: integer('peg_enjoyment'),
    pegActivity: integer('peg_activity'),
    recordedAt: timestamptz('recorded_at').notNull(),
    recordedBy: uuid('recorded_by'),
    updatedAt: updatedAt(),
    revision: revision(),
  },
  (t) => [
    unique('visit_baselines_visit_key').on(t.visitId),
    index('visit_baselines_patient_idx').on(t.clinicId, t.patientId),
    sameClinic('visit_baselines_patient_fk', [t.clinicId, t.patientId], [patients.clinicId, patients.id]),
    sameClinic('visit_baselines_visit_fk', [t.clinicId, t.visitId], [visits.clinicId, visits.id]),
    sameClinic('visit_baselines_recorded_by_fk', [t.clinicId, t.recordedBy], [users.clinicId, users.id]),
    holds(
      'visit_baselines_scores_check',
      sql`${t.painNrs} between 0 and 10 and coalesce(${t.pegPain}, 0) between 0 and 10 and coalesce(${t.pegEnjoyment}, 0) between 0 and 10 and coalesce(${t.pegActivity}, 0) between 0 and 10 and ((${t.pegPain} is null) = (${t.pegEnjoyment} is null) and (${t.pegEnjoyment} is null) = (${t.pegActivity} is null))`,
    ),
  ],
);
