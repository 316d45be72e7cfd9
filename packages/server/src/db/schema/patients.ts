// Patients, their identifiers and their visits. Every row carries its clinic.
import { sql } from 'drizzle-orm';
import { boolean, date, index, pgTable, primaryKey, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clinicId, users } from './clinics.js';
import { createdAt, id, oneOf, revision, sameClinic, timestamptz, updatedAt } from './columns.js';
import { ADMINISTRATIVE_GENDERS, BIRTH_SEXES, VISIT_STATUSES } from './vocab.js';

const patientId = () => uuid('patient_id').notNull();

export const patients = pgTable(
  'patients',
  {
    id: id(),
    clinicId: clinicId(),
    familyName: text('family_name').notNull(),
    givenNames: text('given_names').notNull().default(''),
    birthDate: date('birth_date', { mode: 'string' }),
    gender: text('gender', { enum: ADMINISTRATIVE_GENDERS }).notNull().default('unknown'),
    birthSex: text('birth_sex', { enum: BIRTH_SEXES }),
    active: boolean('active').notNull().default(true),
    /**
     * When the allergy list was last reviewed with the patient, and by whom. Null means never
     * asked, which the screen reports as missing data; a date with no allergy rows means "no known
     * allergies, reviewed on <date>".
     */
    allergiesReviewedAt: timestamptz('allergies_reviewed_at'),
    allergiesReviewedBy: uuid('allergies_reviewed_by'),
    /** Likewise for the medicine list: null is "never reconciled". */
    medicationsReconciledAt: timestamptz('medications_reconciled_at'),
    medicationsReconciledBy: uuid('medications_reconciled_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    revision: revision(),
  },
  (t) => [
    unique('patients_clinic_id_id_key').on(t.clinicId, t.id),
    // Prefix search on names, case-insensitive; text_pattern_ops lets LIKE 'smi%' use the index
    // whatever the database collation.
    index('patients_family_name_idx').on(t.clinicId, sql`lower(${t.familyName}) text_pattern_ops`),
    index('patients_given_names_idx').on(t.clinicId, sql`lower(${t.givenNames}) text_pattern_ops`),
    index('patients_birth_date_idx').on(t.clinicId, t.birthDate),
    oneOf('patients_gender_check', t.gender, ADMINISTRATIVE_GENDERS),
    oneOf('patients_birth_sex_check', t.birthSex, BIRTH_SEXES),
    sameClinic('patients_allergies_reviewed_by_fk', [t.clinicId, t.allergiesReviewedBy], [users.clinicId, users.id]),
    sameClinic(
      'patients_medications_reconciled_by_fk',
      [t.clinicId, t.medicationsReconciledBy],
      [users.clinicId, users.id],
    ),
  ],
);

/** Medical record numbers and other identifiers, as FHIR Identifier (system + value). */
export const patientIdentifiers = pgTable(
  'patient_identifiers',
  {
    id: id(),
    clinicId: clinicId(),
    patientId: patientId(),
    system: text('system').notNull(),
    value: text('value').notNull(),
    /** e.g. MR (medical record number), from the v2-0203 identifier types. */
    typeCode: text('type_code'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('patient_identifiers_system_value_key').on(t.clinicId, t.system, t.value),
    index('patient_identifiers_value_idx').on(t.clinicId, t.value),
    index('patient_identifiers_patient_idx').on(t.clinicId, t.patientId),
    sameClinic('patient_identifiers_patient_fk', [t.clinicId, t.patientId], [patients.clinicId, patients.id]),
  ],
);

/**
 * The names a patient is found by, lower-cased: the family name whole and each given name. A name
 * search is a prefix of any of them, as a range (~>=~, ~<~) on one text_pattern_ops index. (Under
 * row-level security only leakproof operators can use an index; lower() and LIKE are not, so the
 * lower() indexes on patients do not serve the application role's queries.) Kept by the
 * repositories (app/db-repositories/patient-rows.ts) with every write of the patient's names.
 */
export const patientSearchNames = pgTable(
  'patient_search_names',
  {
    clinicId: clinicId(),
    patientId: patientId(),
    name: text('name').notNull(),
  },
  (t) => [
    primaryKey({ name: 'patient_search_names_pkey', columns: [t.clinicId, t.patientId, t.name] }),
    index('patient_search_names_name_idx').on(t.clinicId, sql`${t.name} text_pattern_ops`),
    sameClinic('patient_search_names_patient_fk', [t.clinicId, t.patientId], [patients.clinicId, patients.id]),
  ],
);

/** A TPI visit: the screen, plan, note, administrations and complications hang off it. */
export const visits = pgTable(
  'visits',
  {
    id: id(),
    clinicId: clinicId(),
    patientId: patientId(),
    status: text('status', { enum: VISIT_STATUSES }).notNull().default('planned'),
    scheduledAt: timestamptz('scheduled_at'),
    startedAt: timestamptz('started_at'),
    endedAt: timestamptz('ended_at'),
    clinicianId: uuid('clinician_id'),
    reason: text('reason'),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
    updatedAt: updatedAt(),
    revision: revision(),
  },
  (t) => [
    unique('visits_clinic_id_id_key').on(t.clinicId, t.id),
    index('visits_patient_idx').on(t.clinicId, t.patientId, t.startedAt),
    sameClinic('visits_patient_fk', [t.clinicId, t.patientId], [patients.clinicId, patients.id]),
    sameClinic('visits_clinician_fk', [t.clinicId, t.clinicianId], [users.clinicId, users.id]),
    sameClinic('visits_created_by_fk', [t.clinicId, t.createdBy], [users.clinicId, users.id]),
    oneOf('visits_status_check', t.status, VISIT_STATUSES),
  ],
);
