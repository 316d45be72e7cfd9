// The shapes of the visit record's routes (consent, procedure note, LAST checklist, coding, signing,
// discharge), as the server's OpenAPI document says (procedure-schemas.ts, note-schemas.ts,
// visit-care-routes.ts). Written by hand; the browser journey checks them against the server.
import type { Side } from './types';

export type SignerKind = 'patient' | 'representative';
export type SignatureKind = 'image' | 'typed-name';

export interface ConsentForm {
  readonly version: string;
  readonly procedure: string;
  readonly sites: readonly {
    readonly muscle: string;
    readonly display: string;
    readonly side: Side;
    readonly thoracic: boolean;
  }[];
  readonly drugs: readonly {
    readonly injectate: string;
    readonly display: string;
    readonly kind: 'local-anaesthetic' | 'corticosteroid' | 'saline';
    readonly volumeMl: number;
  }[];
  readonly benefits: readonly string[];
  readonly limitations: readonly string[];
  readonly risks: readonly ConsentRisk[];
  readonly alternatives: readonly string[];
  readonly declarations: readonly string[];
  readonly sources: readonly string[];
}

export interface ConsentRisk {
  readonly id: string;
  readonly group: 'common' | 'serious' | 'steroid';
  readonly text: string;
  readonly because?: string;
  readonly sources: readonly string[];
}

export interface ConsentFormForPlan {
  readonly form: ConsentForm;
  readonly planRevision: number;
}

export interface ConsentSignature {
  readonly formVersion: string;
  readonly signerKind: SignerKind;
  readonly signerName: string;
  readonly signerRelationship: string | null;
  readonly signatureKind: SignatureKind;
  readonly signatureData: string;
}

export interface Consent {
  readonly id: string;
  readonly visitId: string;
  readonly form: ConsentForm;
  readonly planRevision: number;
  readonly signerKind: SignerKind;
  readonly signerName: string;
  readonly signerRelationship: string | null;
  readonly signatureKind: SignatureKind;
  readonly signedAt: string;
  readonly witnessedBy: string;
}

export const TIME_OUT_ITEMS = ['patient', 'sites', 'sides', 'allergies', 'consent'] as const;
export type TimeOutItem = (typeof TIME_OUT_ITEMS)[number];
export type TimeOut = Readonly<Record<TimeOutItem, boolean>>;
export const ASPIRATION_RESULTS = ['negative', 'blood', 'air', 'not-done'] as const;
export type Aspiration = (typeof ASPIRATION_RESULTS)[number];
export const TOLERANCES = ['well', 'moderate', 'poor'] as const;
export type Tolerance = (typeof TOLERANCES)[number];
export const COMPLICATION_SEVERITIES = ['mild', 'moderate', 'severe'] as const;
export type Severity = (typeof COMPLICATION_SEVERITIES)[number];

export interface NoteAdministration {
  readonly injectate: string;
  readonly volumeMl: number;
  readonly lot: string | null;
  readonly expiry: string | null;
}

export interface ProcedureSite {
  readonly muscle: string;
  readonly side: Side;
  readonly needle: { readonly gauge: number | null; readonly lengthMm: number | null };
  readonly aspiration: Aspiration | null;
  readonly twitch: boolean | null;
  readonly tolerance: Tolerance | null;
  readonly administrations: readonly NoteAdministration[];
}

export interface ImmediateComplication {
  readonly type: string;
  readonly severity: Severity;
  readonly onset: string;
  readonly action: string;
  readonly note: string | null;
}

export interface NoteContent {
  readonly plan: {
    readonly revision: number;
    readonly sites: readonly { readonly muscle: string; readonly side: Side }[];
    readonly products: readonly { readonly injectate: string; readonly volumeMl: number }[];
  };
  readonly findings: string;
  readonly painNrs: number | null;
  readonly timeOut: TimeOut;
  readonly sites: readonly ProcedureSite[];
  readonly complications: readonly ImmediateComplication[];
}

export type NoteStatus = 'draft' | 'signed' | 'amended';

export interface ProcedureNote {
  readonly id: string;
  readonly visitId: string;
  readonly version: number;
  readonly status: NoteStatus;
  readonly revision: number;
  readonly content: NoteContent;
  readonly createdBy: string | null;
  /** createdBy's display name (null: not a user of this clinic). */
  readonly createdByName?: string | null;
  readonly signedBy: string | null;
  /** signedBy's display name (null: not a user of this clinic). */
  readonly signedByName?: string | null;
  readonly signedAt: string | null;
  readonly amendmentReason: string | null;
  readonly previousVersionId: string | null;
}

export type NoteChange = Partial<Pick<NoteContent, 'findings' | 'painNrs' | 'timeOut' | 'sites' | 'complications'>>;

export interface ComplicationType {
  readonly id: string;
  readonly label: string;
  readonly onset: string | null;
  readonly escalateIf: string | null;
}

export interface LastChecklist {
  readonly weightKg: number | null;
  readonly weightAt: string | null;
  readonly recognition: readonly { readonly stage: string; readonly signs: readonly string[] }[];
  readonly steps: readonly string[];
  readonly lipid: {
    readonly band: 'over-70-kg' | 'up-to-70-kg' | 'unknown';
    readonly bolus: string;
    readonly infusion: string;
    readonly ifUnstable: string;
    readonly upperLimitMl: number | null;
    readonly notes: readonly string[];
  };
  readonly sources: readonly string[];
}

export interface CodingLine {
  readonly system: string;
  readonly code: string;
  readonly display: string;
  readonly units: number;
  readonly reason: string;
  readonly sources: readonly string[];
  readonly diagnoses: readonly string[];
}

export interface NoteCoding {
  readonly basis: 'recorded' | 'planned';
  readonly procedure: CodingLine | null;
  readonly guidance: CodingLine | null;
  readonly hcpcs: readonly CodingLine[];
  readonly muscles?: readonly { readonly group: string; readonly display: string; readonly side: string }[];
  readonly diagnoses?: readonly string[];
  readonly issues?: readonly { readonly code: string; readonly path: string; readonly message: string }[];
  readonly notes?: readonly { readonly code: string; readonly message: string }[];
}

export const DISCHARGE_URGENCIES = ['emergency', 'urgent', 'same-day', 'routine'] as const;
export type Urgency = (typeof DISCHARGE_URGENCIES)[number];

export interface DischargeItem {
  readonly id: string;
  readonly text: string;
  readonly because?: string;
}

export interface DischargeSheet {
  readonly basis: 'recorded' | 'planned';
  readonly observationMinutes: number;
  readonly checklist: readonly DischargeItem[];
  readonly aftercare: readonly DischargeItem[];
  readonly warningSigns: readonly (DischargeItem & { readonly action: string; readonly urgency: Urgency })[];
  readonly expect: readonly { readonly text: string }[];
  /** The signed note's follow-up links (empty before signing); each url is the patient's form. */
  readonly followUpLinks?: readonly {
    readonly pointId: string;
    readonly label: string;
    readonly dueAt: string;
    readonly url: string;
  }[];
}
