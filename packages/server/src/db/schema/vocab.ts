// The closed sets the schema stores as text with a CHECK constraint (GUIDE.md habit 14). Text and
// CHECK rather than PostgreSQL enums: a value added later is one constraint swap, not an
// ALTER TYPE that cannot run inside a transaction on older servers.
export const USER_ROLES = ['clinician', 'nurse', 'clinic-admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** FHIR R4 AdministrativeGender. */
export const ADMINISTRATIVE_GENDERS = ['male', 'female', 'other', 'unknown'] as const;
export type AdministrativeGender = (typeof ADMINISTRATIVE_GENDERS)[number];

/** Recorded sex at birth, for the clinical rules that need it; null is "not recorded". */
export const BIRTH_SEXES = ['female', 'male', 'intersex', 'unknown'] as const;

/** FHIR R4 condition-clinical and condition-ver-status. */
export const CONDITION_CLINICAL_STATUSES = [
  'active',
  'recurrence',
  'relapse',
  'inactive',
  'remission',
  'resolved',
] as const;
export const CONDITION_VERIFICATION_STATUSES = [
  'unconfirmed',
  'provisional',
  'differential',
  'confirmed',
  'refuted',
  'entered-in-error',
] as const;

/** Laterality of a recorded body site (SNOMED CT 182353008 / 7771000 / 24028007 / 51440002). */
export const LATERALITIES = ['left', 'right', 'bilateral'] as const;
/** The side of a planned or injected site, as the core's `Side`. */
export const SIDES = ['left', 'right', 'both'] as const;

/** What an allergy names: a catalogue ingredient, class, excipient or injectate, an RxNorm code, or free text. */
export const ALLERGY_SUBSTANCE_KINDS = ['ingredient', 'class', 'excipient', 'injectate', 'rxnorm', 'text'] as const;
/** FHIR R4 AllergyIntolerance type, criticality, clinical and verification status. */
export const ALLERGY_TYPES = ['allergy', 'intolerance'] as const;
export const ALLERGY_CRITICALITIES = ['low', 'high', 'unable-to-assess'] as const;
export const ALLERGY_CLINICAL_STATUSES = ['active', 'inactive', 'resolved'] as const;
export const ALLERGY_VERIFICATION_STATUSES = [
  'unconfirmed',
  'presumed',
  'confirmed',
  'refuted',
  'entered-in-error',
] as const;

/** A medicine is a prescription (MedicationRequest) or a reported use (MedicationStatement). */
export const MEDICINE_KINDS = ['request', 'statement'] as const;
/** The union of FHIR R4 MedicationRequest and MedicationStatement statuses. */
export const MEDICINE_STATUSES = [
  'active',
  'on-hold',
  'cancelled',
  'completed',
  'entered-in-error',
  'stopped',
  'draft',
  'intended',
  'not-taken',
  'unknown',
] as const;

/** FHIR R4 ObservationStatus. */
export const OBSERVATION_STATUSES = [
  'registered',
  'preliminary',
  'final',
  'amended',
  'corrected',
  'cancelled',
  'entered-in-error',
  'unknown',
] as const;

/**
 * An injection given elsewhere was given (it is reported, never planned); one entered in error is
 * kept, so the record shows what was retracted, and the screen no longer counts it.
 */
export const EARLIER_ADMINISTRATION_STATUSES = ['completed', 'entered-in-error'] as const;

/** A subset of FHIR R4 EncounterStatus. */
export const VISIT_STATUSES = [
  'planned',
  'arrived',
  'in-progress',
  'finished',
  'cancelled',
  'entered-in-error',
] as const;

/** The core's screening verdict. */
export const SCREEN_VERDICTS = ['do-not-proceed', 'caution', 'proceed'] as const;

/**
 * draft: editable; signed: final, never changed in place; amended: a later version that amends a
 * signed one (it carries the reason and the previous version), final once written as amended.
 */
export const NOTE_STATUSES = ['draft', 'signed', 'amended'] as const;
export type NoteStatus = (typeof NOTE_STATUSES)[number];

export const COMPLICATION_SEVERITIES = ['mild', 'moderate', 'severe'] as const;
export const COMPLICATION_STATUSES = ['active', 'entered-in-error'] as const;
export const COMPLICATION_REPORTERS = ['clinician', 'patient'] as const;

export const SIGNER_KINDS = ['patient', 'representative'] as const;
export const SIGNATURE_KINDS = ['typed-name', 'image'] as const;

/** As `AuditEvent` in ../../audit-event.ts. */
/** 'patient': a patient through a follow-up link's token (the actor is the patient's id). */
export const AUDIT_ACTOR_KINDS = ['user', 'api-token', 'cds-client', 'system', 'anonymous', 'patient'] as const;
export const AUDIT_OUTCOMES = ['success', 'denied', 'failed'] as const;
