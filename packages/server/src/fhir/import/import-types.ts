// What reading an EHR's Bundle for import gives (issue 5, item 3): the patients and chart entries
// to write, each with its FHIRPath-like location, or the issues that refuse the whole Bundle.
import type { ChartAllergy, ChartCondition, ChartMedicine, ChartObservation } from '../chart.js';

/** One problem with the Bundle, located by a FHIRPath-like expression (`Bundle.entry[2].resource.code`). */
export interface ImportIssue {
  readonly expression: string;
  /** OperationOutcome issue-type codes (http://hl7.org/fhir/issue-type). */
  readonly code: 'required' | 'value' | 'invalid' | 'not-supported' | 'not-found' | 'duplicate' | 'business-rule';
  readonly message: string;
}

export interface ImportedPatient {
  readonly path: string;
  /** What the Bundle's references may call it: its fullUrl and Patient/<id>. */
  readonly aliases: readonly string[];
  readonly identifiers: readonly { readonly system: string; readonly value: string }[];
  readonly family: string;
  readonly given: readonly string[];
  readonly birthDate: string | null;
  readonly sex: 'female' | 'male' | 'other' | 'unknown' | null;
}

type Content<T> = Omit<T, 'id' | 'revision' | 'recordedAt'>;

export interface ImportedContent {
  readonly condition: Content<ChartCondition>;
  readonly allergy: Content<ChartAllergy>;
  readonly medicine: Content<ChartMedicine>;
  readonly observation: Content<ChartObservation>;
}

export type ImportedEntryKind = keyof ImportedContent;

export type ImportedEntry = {
  readonly [K in ImportedEntryKind]: {
    readonly kind: K;
    readonly path: string;
    /** The index in `patients` of the patient it belongs to. */
    readonly patient: number;
    readonly matchKey: string;
    readonly content: ImportedContent[K];
    /** The resource's code as the EHR sent it (CodeableConcept JSON), kept whatever Knotwork knows of it. */
    readonly sourceCode: unknown;
    /** The fields of `content` that say when it happened, by their place in the resource (for date checks). */
    readonly datedAt?: { readonly expression: string; readonly value: string } | undefined;
  };
}[ImportedEntryKind];

export interface ImportPlan {
  readonly type: 'transaction' | 'collection';
  readonly patients: readonly ImportedPatient[];
  readonly entries: readonly ImportedEntry[];
}

export type ReadImportResult =
  { readonly ok: true; readonly plan: ImportPlan } | { readonly ok: false; readonly issues: readonly ImportIssue[] };
