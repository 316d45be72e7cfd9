// What a FHIR import (issue 5, item 3) keeps beside the chart entries it writes: which entry each
// EHR resource became, under its match key (the EHR's identifier, or a stable key of its content
// when the EHR sends none: app/fhir-import/match-keys.ts), and the EHR's own CodeableConcept as
// received, so that a code Knotwork does not know (a SNOMED CT condition, a local drug code) is kept
// with its system and text even where the entry's columns hold only ICD-10, RxNorm or LOINC.
import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { clinicId } from './clinics.js';
import { holds, oneOf, sameClinic, timestamptz } from './columns.js';
import { patients } from './patients.js';

export const FHIR_IMPORT_KINDS = ['condition', 'allergy', 'medicine', 'observation'] as const;

export const fhirImportLinks = pgTable(
  'fhir_import_links',
  {
    clinicId: clinicId(),
    patientId: uuid('patient_id').notNull(),
    kind: text('kind', { enum: FHIR_IMPORT_KINDS }).notNull(),
    /** `id|system|value` for the EHR's identifier, `key|...` for a stable key of the content. */
    matchKey: text('match_key').notNull(),
    /** The conditions, allergies, medicines or observations row (by kind) the resource became. */
    entryId: uuid('entry_id').notNull(),
    /** The resource's code as the EHR sent it (FHIR CodeableConcept JSON). */
    sourceCode: jsonb('source_code').notNull(),
    importedAt: timestamptz('imported_at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'fhir_import_links_pkey', columns: [t.clinicId, t.patientId, t.kind, t.matchKey] }),
    index('fhir_import_links_entry_idx').on(t.clinicId, t.kind, t.entryId),
    sameClinic('fhir_import_links_patient_fk', [t.clinicId, t.patientId], [patients.clinicId, patients.id]),
    oneOf('fhir_import_links_kind_check', t.kind, FHIR_IMPORT_KINDS),
    holds('fhir_import_links_match_key_check', sql`length(${t.matchKey}) > 0`),
  ],
);
