// The record the screen reads: conditions, allergies, medicines, observations and injections given
// elsewhere. Every row carries its clinic and points at a patient of the same clinic.
import { sql } from 'drizzle-orm';
import { doublePrecision, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { clinicId, users } from './clinics.js';
import { holds, id, oneOf, revision, sameClinic, timestamptz, updatedAt } from './columns.js';
import { patients, visits } from './patients.js';
import {
  ALLERGY_CLINICAL_STATUSES,
  ALLERGY_CRITICALITIES,
  ALLERGY_SUBSTANCE_KINDS,
  ALLERGY_TYPES,
  ALLERGY_VERIFICATION_STATUSES,
  CONDITION_CLINICAL_STATUSES,
  CONDITION_VERIFICATION_STATUSES,
  EARLIER_ADMINISTRATION_STATUSES,
  LATERALITIES,
  MEDICINE_KINDS,
  MEDICINE_STATUSES,
  OBSERVATION_STATUSES,
} from './vocab.js';

const patientId = () => uuid('patient_id').notNull();
const recordedBy = () => uuid('recorded_by');

export const conditions = pgTable(
  'conditions',
  {
    id: id(),
    clinicId: clinicId(),
    patientId: patientId(),
    /** ICD-10-CM code, e.g. M79.18. */
    code: text('code').notNull(),
    display: text('display').notNull(),
    clinicalStatus: text('clinical_status', { enum: CONDITION_CLINICAL_STATUSES }).notNull(),
    verificationStatus: text('verification_status', { enum: CONDITION_VERIFICATION_STATUSES })
      .notNull()
      .default('confirmed'),
    /** A full or partial date (YYYY, YYYY-MM or YYYY-MM-DD), as FHIR onsetDateTime allows. */
    onset: text('onset'),
    abatement: text('abatement'),
    /** A catalogue muscle code and/or a body region; laterality null is "not stated". */
    bodySiteMuscle: text('body_site_muscle'),
    bodySiteRegion: text('body_site_region'),
    laterality: text('laterality', { enum: LATERALITIES }),
    note: text('note'),
    recordedAt: timestamptz('recorded_at').notNull().defaultNow(),
    recordedBy: recordedBy(),
    updatedAt: updatedAt(),
    revision: revision(),
  },
  (t) => [
    index('conditions_patient_idx').on(t.clinicId, t.patientId),
    sameClinic('conditions_patient_fk', [t.clinicId, t.patientId], [patients.clinicId, patients.id]),
    sameClinic('conditions_recorded_by_fk', [t.clinicId, t.recordedBy], [users.clinicId, users.id]),
    oneOf('conditions_clinical_status_check', t.clinicalStatus, CONDITION_CLINICAL_STATUSES),
    oneOf('conditions_verification_status_check', t.verificationStatus, CONDITION_VERIFICATION_STATUSES),
    oneOf('conditions_laterality_check', t.laterality, LATERALITIES),
  ],
);

export const allergies = pgTable(
  'allergies',
  {
    id: id(),
    clinicId: clinicId(),
    patientId: patientId(),
    substanceKind: text('substance_kind', { enum: ALLERGY_SUBSTANCE_KINDS }).notNull(),
    /** The catalogue code of the ingredient, class, excipient or injectate; null for free text. */
    substanceCode: text('substance_code'),
    /** The words as recorded (always kept; the only content for a free-text allergy). */
    substanceText: text('substance_text').notNull(),
    type: text('type', { enum: ALLERGY_TYPES }),
    criticality: text('criticality', { enum: ALLERGY_CRITICALITIES }),
    clinicalStatus: text('clinical_status', { enum: ALLERGY_CLINICAL_STATUSES }).notNull().default('active'),
    verificationStatus: text('verification_status', { enum: ALLERGY_VERIFICATION_STATUSES }),
    /** FHIR-shaped reactions (manifestation, severity), as recorded. */
    reactions: jsonb('reactions'),
    onset: text('onset'),
    note: text('note'),
    recordedAt: timestamptz('recorded_at').notNull().defaultNow(),
    recordedBy: recordedBy(),
    updatedAt: updatedAt(),
    revision: revision(),
  },
  (t) => [
    index('allergies_patient_idx').on(t.clinicId, t.patientId),
    sameClinic('allergies_patient_fk', [t.clinicId, t.patientId], [patients.clinicId, patients.id]),
    sameClinic('allergies_recorded_by_fk', [t.clinicId, t.recordedBy], [users.clinicId, users.id]),
    oneOf('allergies_substance_kind_check', t.substanceKind, ALLERGY_SUBSTANCE_KINDS),
    holds('allergies_substance_code_check', sql`(${t.substanceKind} = 'text') = (${t.substanceCode} is null)`),
    oneOf('allergies_type_check', t.type, ALLERGY_TYPES),
    oneOf('allergies_criticality_check', t.criticality, ALLERGY_CRITICALITIES),
    oneOf('allergies_clinical_status_check', t.clinicalStatus, ALLERGY_CLINICAL_STATUSES),
    oneOf('allergies_verification_status_check', t.verificationStatus, ALLERGY_VERIFICATION_STATUSES),
  ],
);

export const medicines = pgTable(
  'medicines',
  {
    id: id(),
    clinicId: clinicId(),
    patientId: patientId(),
    kind: text('kind', { enum: MEDICINE_KINDS }).notNull(),
    rxnormCode: text('rxnorm_code'),
    rxnormDisplay: text('rxnorm_display'),
    /** The medicine as written (always kept; the only content when uncoded). */
    text: text('text').notNull(),
    status: text('status', { enum: MEDICINE_STATUSES }).notNull(),
    dosageText: text('dosage_text'),
    /** MedicationRequest.authoredOn, for a request. */
    authoredAt: timestamptz('authored_at'),
    /** MedicationStatement.dateAsserted, for a statement. */
    assertedAt: timestamptz('asserted_at'),
    effectiveStart: text('effective_start'),
    effectiveEnd: text('effective_end'),
    recordedAt: timestamptz('recorded_at').notNull().defaultNow(),
    recordedBy: recordedBy(),
    updatedAt: updatedAt(),
    revision: revision(),
  },
  (t) => [
    index('medicines_patient_idx').on(t.clinicId, t.patientId),
    sameClinic('medicines_patient_fk', [t.clinicId, t.patientId], [patients.clinicId, patients.id]),
    sameClinic('medicines_recorded_by_fk', [t.clinicId, t.recordedBy], [users.clinicId, users.id]),
    oneOf('medicines_kind_check', t.kind, MEDICINE_KINDS),
    oneOf('medicines_status_check', t.status, MEDICINE_STATUSES),
  ],
);

/** Vitals and labs (weight, temperature, INR, platelets, pain NRS 72514-3 ...), by LOINC. */
export const observations = pgTable(
  'observations',
  {
    id: id(),
    clinicId: clinicId(),
    patientId: patientId(),
    /** Set when taken during one of our visits. */
    visitId: uuid('visit_id'),
    loincCode: text('loinc_code').notNull(),
    display: text('display'),
    valueNumber: doublePrecision('value_number'),
    /** Free text, or the display of a coded answer. */
    valueText: text('value_text'),
    /** A coded answer (pregnancy status ...): its system and code; value_text holds its display. */
    valueSystem: text('value_system'),
    valueCode: text('value_code'),
    /** UCUM unit of value_number. */
    unit: text('unit'),
    effectiveAt: timestamptz('effective_at').notNull(),
    status: text('status', { enum: OBSERVATION_STATUSES }).notNull().default('final'),
    recordedAt: timestamptz('recorded_at').notNull().defaultNow(),
    recordedBy: recordedBy(),
    updatedAt: updatedAt(),
    revision: revision(),
  },
  (t) => [
    index('observations_patient_idx').on(t.clinicId, t.patientId, t.loincCode, t.effectiveAt),
    index('observations_visit_idx').on(t.clinicId, t.visitId),
    sameClinic('observations_patient_fk', [t.clinicId, t.patientId], [patients.clinicId, patients.id]),
    sameClinic('observations_recorded_by_fk', [t.clinicId, t.recordedBy], [users.clinicId, users.id]),
    sameClinic('observations_visit_fk', [t.clinicId, t.visitId], [visits.clinicId, visits.id]),
    oneOf('observations_status_check', t.status, OBSERVATION_STATUSES),
    holds(
      'observations_value_check',
      sql`${t.valueNumber} is not null or ${t.valueText} is not null or ${t.valueCode} is not null`,
    ),
    holds('observations_value_code_check', sql`(${t.valueSystem} is null) = (${t.valueCode} is null)`),
  ],
);

/** Corticosteroid and anaesthetic injections given elsewhere, entered from the patient or letters. */
export const earlierAdministrations = pgTable(
  'earlier_administrations',
  {
    id: id(),
    clinicId: clinicId(),
    patientId: patientId(),
    /** A catalogue injectate code, or an ingredient id, or neither (then text says what). */
    productCode: text('product_code'),
    ingredientCode: text('ingredient_code'),
    text: text('text').notNull(),
    doseMl: doublePrecision('dose_ml'),
    doseMg: doublePrecision('dose_mg'),
    /** A FHIR dateTime as reported: YYYY, YYYY-MM, YYYY-MM-DD or a full timestamp with its zone. */
    administeredOn: text('administered_on').notNull(),
    site: text('site'),
    /** Where the information came from: "patient report", "referral letter 2024-03-02" ... */
    source: text('source').notNull(),
    status: text('status', { enum: EARLIER_ADMINISTRATION_STATUSES }).notNull().default('completed'),
    recordedAt: timestamptz('recorded_at').notNull().defaultNow(),
    recordedBy: recordedBy(),
    updatedAt: updatedAt(),
    revision: revision(),
  },
  (t) => [
    index('earlier_administrations_patient_idx').on(t.clinicId, t.patientId),
    sameClinic('earlier_administrations_patient_fk', [t.clinicId, t.patientId], [patients.clinicId, patients.id]),
    sameClinic('earlier_administrations_recorded_by_fk', [t.clinicId, t.recordedBy], [users.clinicId, users.id]),
    oneOf('earlier_administrations_status_check', t.status, EARLIER_ADMINISTRATION_STATUSES),
    holds('earlier_administrations_dose_check', sql`coalesce(${t.doseMl}, 0) >= 0 and coalesce(${t.doseMg}, 0) >= 0`),
  ],
);
