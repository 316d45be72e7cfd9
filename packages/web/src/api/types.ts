// The shapes the clinic API answers and takes, as its OpenAPI document (/api/openapi.json) says.
// Written by hand from packages/server/src/http/api/*-schemas.ts; the browser journeys check them
// against the running server.

export type Role = 'clinician' | 'nurse' | 'clinic-admin';

export interface SessionUser {
  readonly id: string;
  readonly displayName: string;
  readonly role: Role;
  readonly clinicId: string;
  readonly mustChangePassword: boolean;
}

export interface Session {
  readonly user: SessionUser;
  readonly csrfToken: string;
  readonly expiresAt: string;
  readonly idleTimeoutSeconds: number;
}

export interface SignInInput {
  readonly email: string;
  readonly password: string;
  readonly totp?: string;
}

export type Sex = 'female' | 'male' | 'other' | 'unknown';

export interface Identifier {
  readonly system: string;
  readonly value: string;
}

export interface Patient {
  readonly id: string;
  readonly identifiers: readonly Identifier[];
  readonly family: string;
  readonly given: readonly string[];
  readonly birthDate: string | null;
  readonly sex: Sex | null;
  readonly revision: number;
}

export interface PatientInput {
  readonly identifiers: readonly Identifier[];
  readonly family: string;
  readonly given: readonly string[];
  readonly birthDate: string | null;
  readonly sex: Sex | null;
}

export interface PatientPage {
  readonly items: readonly Patient[];
  readonly next: string | null;
}

export interface PatientSearch {
  readonly name?: string;
  readonly identifier?: string;
  readonly birthDate?: string;
  readonly cursor?: string;
  readonly limit?: number;
}

export type Side = 'left' | 'right' | 'both';

export interface Condition {
  readonly id: string;
  readonly icd10: string;
  readonly display: string;
  readonly clinicalStatus: 'active' | 'recurrence' | 'relapse' | 'inactive' | 'remission' | 'resolved';
  readonly verificationStatus:
    'unconfirmed' | 'provisional' | 'differential' | 'confirmed' | 'refuted' | 'entered-in-error';
  readonly onset?: string;
  readonly recordedAt?: string;
  readonly bodySite?: { readonly muscle?: string; readonly region?: string; readonly side?: Side };
  readonly revision?: number;
}

export type SubstanceKind = 'ingredient' | 'class' | 'injectate' | 'rxnorm' | 'text';

export interface Allergy {
  readonly id: string;
  readonly substance: { readonly kind: SubstanceKind; readonly code?: string; readonly text: string };
  readonly type: 'allergy' | 'intolerance';
  readonly criticality?: 'low' | 'high' | 'unable-to-assess';
  readonly clinicalStatus: 'active' | 'inactive' | 'resolved';
  readonly verificationStatus: 'unconfirmed' | 'confirmed' | 'refuted' | 'entered-in-error';
  readonly recordedAt?: string;
  readonly revision?: number;
}

export interface Medicine {
  readonly id: string;
  readonly rxnorm?: string;
  readonly display: string;
  readonly status: 'active' | 'on-hold' | 'intended' | 'stopped' | 'completed' | 'entered-in-error';
  readonly assertedAt?: string;
  /** The catalogue anticoagulant or antiplatelet it is, as the server recognised it; null if none. */
  readonly anticoagulant: string | null;
  readonly revision?: number;
}

export type ObservationValue =
  | { readonly quantity: number; readonly unit: string }
  | { readonly system: string; readonly code: string; readonly display?: string };

export interface Observation {
  readonly id: string;
  readonly loinc: string;
  readonly display?: string;
  readonly value: ObservationValue;
  readonly at: string;
  readonly status: 'final' | 'amended' | 'corrected' | 'preliminary' | 'entered-in-error';
  readonly revision?: number;
}

export interface Administration {
  readonly id: string;
  readonly injectate?: string;
  readonly text?: string;
  readonly volumeMl?: number;
  readonly at: string;
  readonly status: 'completed' | 'in-progress' | 'not-done' | 'entered-in-error';
  readonly revision?: number;
}

export interface Chart {
  readonly patient: {
    readonly id: string;
    readonly identifiers: readonly Identifier[];
    readonly family: string;
    readonly given: readonly string[];
    readonly birthDate?: string;
    readonly sex?: Sex;
  };
  /** null: allergies never asked about. */
  readonly allergiesReviewedAt: string | null;
  readonly allergiesReviewedBy?: string;
  /** null: medicines never reconciled. */
  readonly medicationsReconciledAt: string | null;
  readonly medicationsReconciledBy?: string;
  readonly conditions: readonly Condition[];
  readonly allergies: readonly Allergy[];
  readonly medicines: readonly Medicine[];
  readonly observations: readonly Observation[];
  readonly administrations: readonly Administration[];
}

export interface ConditionInput {
  readonly icd10: string;
  readonly display: string;
  readonly clinicalStatus?: Condition['clinicalStatus'];
  readonly verificationStatus?: Exclude<Condition['verificationStatus'], 'entered-in-error'>;
  readonly onset?: string;
}

export type SubstanceInput =
  | { readonly kind: 'ingredient' | 'class' | 'injectate'; readonly code: string; readonly text?: string }
  | { readonly kind: 'rxnorm'; readonly code: string; readonly text: string }
  | { readonly kind: 'text'; readonly text: string };

export interface AllergyInput {
  readonly substance: SubstanceInput;
  readonly type: 'allergy' | 'intolerance';
  readonly criticality?: 'low' | 'high' | 'unable-to-assess';
  readonly clinicalStatus?: 'active' | 'inactive' | 'resolved';
  readonly verificationStatus?: 'unconfirmed' | 'confirmed' | 'refuted';
}

export interface MedicineInput {
  readonly rxnorm?: string;
  readonly display: string;
  readonly status?: Exclude<Medicine['status'], 'entered-in-error'>;
}

export interface ObservationInput {
  readonly loinc: string;
  readonly display?: string;
  readonly value: ObservationValue;
  readonly at: string;
  readonly status?: 'final' | 'preliminary' | 'amended' | 'corrected';
}

export interface EarlierAdministrationInput {
  readonly injectate?: string;
  readonly text?: string;
  readonly volumeMl?: number;
  readonly at: string;
  readonly source?: string;
}

export interface AllergyReview {
  readonly allergiesReviewedAt: string;
  readonly allergiesReviewedBy: string;
  readonly noKnownAllergies: boolean;
  readonly activeAllergies: number;
}

export interface Visit {
  readonly id: string;
  readonly patientId: string;
  readonly startedAt: string;
  readonly startedBy: string;
  /** finished: discharged; cancelled: stopped (the procedure not done), with endReason. */
  readonly status: 'in-progress' | 'finished' | 'cancelled';
  readonly endedAt: string | null;
  readonly endReason: string | null;
  /** The visit's revision: ending it sends it as If-Match. */
  readonly revision: number;
}

/** How a visit ends: finished once its note is signed, or stopped with a reason. */
export type VisitEnding = { readonly outcome: 'completed' } | { readonly outcome: 'stopped'; readonly reason: string };

/** A visit in the patient's list (GET /api/patients/:id/visits), the latest first. */
export interface VisitSummary extends Visit {
  readonly note: { readonly status: 'draft' | 'signed' | 'amended'; readonly signedAt: string | null } | null;
}
