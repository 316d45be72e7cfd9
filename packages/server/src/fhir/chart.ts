// A patient's chart as the server keeps it, in the shape the FHIR mappers read. Repositories turn
// database rows into this; nothing here knows about storage. Times are ISO-8601 strings.
import type { Side } from '@knotwork/core';

export interface ChartPatient {
  readonly id: string;
  readonly identifiers: readonly { readonly system: string; readonly value: string }[];
  readonly family: string;
  readonly given: readonly string[];
  readonly birthDate?: string | undefined;
  readonly sex?: 'female' | 'male' | 'other' | 'unknown' | undefined;
}

export interface ChartBodySite {
  /** A catalogue muscle code, a body-region code, or both. */
  readonly muscle?: string | undefined;
  readonly region?: string | undefined;
  /** Absent means both sides. */
  readonly side?: Side | undefined;
}

export interface ChartCondition {
  readonly id: string;
  /** ICD-10-CM, with or without the dot. */
  readonly icd10: string;
  readonly display: string;
  readonly clinicalStatus: 'active' | 'recurrence' | 'relapse' | 'inactive' | 'remission' | 'resolved';
  readonly verificationStatus:
    'unconfirmed' | 'provisional' | 'differential' | 'confirmed' | 'refuted' | 'entered-in-error';
  readonly onset?: string | undefined;
  readonly recordedAt?: string | undefined;
  readonly bodySite?: ChartBodySite | undefined;
  /** Its ETag ("<revision>") for If-Match: increases with every change; absent until stored. */
  readonly revision?: number | undefined;
}

export type AllergySubstance =
  | { readonly kind: 'ingredient'; readonly code: string; readonly text: string }
  | { readonly kind: 'class'; readonly code: string; readonly text: string }
  | { readonly kind: 'injectate'; readonly code: string; readonly text: string }
  | { readonly kind: 'rxnorm'; readonly code: string; readonly text: string }
  | { readonly kind: 'text'; readonly text: string };

export interface ChartAllergy {
  readonly id: string;
  readonly substance: AllergySubstance;
  readonly type: 'allergy' | 'intolerance';
  readonly criticality?: 'low' | 'high' | 'unable-to-assess' | undefined;
  readonly clinicalStatus: 'active' | 'inactive' | 'resolved';
  readonly verificationStatus: 'unconfirmed' | 'confirmed' | 'refuted' | 'entered-in-error';
  readonly recordedAt?: string | undefined;
  /** Its ETag ("<revision>") for If-Match: increases with every change; absent until stored. */
  readonly revision?: number | undefined;
}

export interface ChartMedicine {
  readonly id: string;
  readonly rxnorm?: string | undefined;
  readonly display: string;
  readonly status: 'active' | 'on-hold' | 'intended' | 'stopped' | 'completed' | 'entered-in-error';
  readonly assertedAt?: string | undefined;
  /** Its ETag ("<revision>") for If-Match: increases with every change; absent until stored. */
  readonly revision?: number | undefined;
}

export interface ChartObservation {
  readonly id: string;
  readonly loinc: string;
  readonly display?: string | undefined;
  /** A quantity, or a coded answer (pregnancy status). */
  readonly value:
    | { readonly quantity: number; readonly unit: string }
    | { readonly system: string; readonly code: string; readonly display?: string };
  readonly at: string;
  readonly status: 'final' | 'amended' | 'corrected' | 'preliminary' | 'entered-in-error';
  /** Its ETag ("<revision>") for If-Match: increases with every change; absent until stored. */
  readonly revision?: number | undefined;
}

export interface ChartAdministration {
  readonly id: string;
  /** A catalogue injectate code, when the product is known. */
  readonly injectate?: string | undefined;
  /** Free text for a product given elsewhere ("Kenalog 40 mg, GP surgery"). */
  readonly text?: string | undefined;
  readonly volumeMl?: number | undefined;
  /** When it was given: FHIR requires it; a date alone is fine for an injection given elsewhere. */
  readonly at: string;
  readonly status: 'completed' | 'in-progress' | 'not-done' | 'entered-in-error';
  /** An injection given elsewhere: its ETag for If-Match. Our own (from signed notes) have none. */
  readonly revision?: number | undefined;
}

export interface Chart {
  readonly patient: ChartPatient;
  /** When allergies were last reviewed with the patient ("no known allergies" included); null: never asked. */
  readonly allergiesReviewedAt: string | null;
  /** Who last reviewed them (a user id), when known. */
  readonly allergiesReviewedBy?: string | undefined;
  /** When the medicine list was last reconciled; null: never. */
  readonly medicationsReconciledAt: string | null;
  /** Who last reconciled it (a user id), when known. */
  readonly medicationsReconciledBy?: string | undefined;
  readonly conditions: readonly ChartCondition[];
  readonly allergies: readonly ChartAllergy[];
  readonly medicines: readonly ChartMedicine[];
  readonly observations: readonly ChartObservation[];
  readonly administrations: readonly ChartAdministration[];
}

export interface PlannedSiteInput {
  readonly muscle: string;
  readonly side: Side;
}

export interface PlannedProductInput {
  readonly injectate: string;
  readonly volumeMl: number;
}
