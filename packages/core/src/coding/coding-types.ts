// The plain data in and out of codeProcedure (code-procedure.ts re-exports these). Claim lines carry
// a FHIR-style system and code, units, the reason in words and the REFERENCE.md source ids behind it.
import type { CatalogueData, MuscleCode, Side } from '../catalogue/catalogue.js';
import type { sourcesData } from '../catalogue/sources-data.js';

/** A source id of REFERENCE.md Appendix A (the keys of sources-data.ts). */
export type CodingSourceId = keyof typeof sourcesData;

export const IMAGING_GUIDANCE = ['ultrasound', 'fluoroscopy', 'mri'] as const;
export type ImagingGuidance = (typeof IMAGING_GUIDANCE)[number];

/** One treated site: a catalogue muscle code, a side ('both' is left and right) and, if known, points. */
export interface CodingSite {
  readonly muscle: string;
  readonly side: Side;
  /** Trigger points treated in this site; any number counts as one muscle. A whole number, 1 or more. */
  readonly points?: number;
}

/** One injectate given in the session: a catalogue injectate code and the volume in mL. */
export interface CodingDrug {
  readonly injectate: string;
  readonly volumeMl: number;
}

export interface CodingOptions {
  readonly sites: readonly CodingSite[];
  /** Empty (or only zero volumes) means needling without injection: 20560/20561. */
  readonly drugs: readonly CodingDrug[];
  /** ICD-10-CM codes of the visit, with or without the dot. */
  readonly diagnoses: readonly string[];
  readonly guidance?: ImagingGuidance | undefined;
  /** The catalogue to code against; the contract catalogue by default. */
  readonly data?: CatalogueData;
}

/** One claim line: a CPT procedure or guidance code, or an HCPCS drug code. */
export interface CodingLine {
  readonly system: string;
  readonly code: string;
  readonly display: string;
  readonly units: number;
  /** Why this code and these units, in words, e.g. "J3301 x4: triamcinolone 40 mg (...)". */
  readonly reason: string;
  readonly sources: readonly CodingSourceId[];
  /** The linked ICD-10-CM indication codes (dotted, upper case), in the order given. */
  readonly diagnoses: readonly string[];
}

/** One muscle as CPT counts it: a catalogue cptGroup on one side. */
export interface CountedMuscle {
  readonly group: string;
  /** "Trapezius": the muscle's display, or the group's name when several entries share it. */
  readonly display: string;
  readonly side: 'left' | 'right';
  /** The catalogue entries treated in this group and side, in catalogue order. */
  readonly muscles: readonly MuscleCode[];
  /** Indexes into `sites` that fell in this group and side, ascending. */
  readonly sites: readonly number[];
}

export type CodingIssueCode =
  | 'unknown-muscle'
  | 'invalid-side'
  | 'invalid-points'
  | 'no-muscle'
  | 'unknown-injectate'
  | 'invalid-volume'
  | 'zero-volume'
  | 'injection-undetermined'
  | 'no-hcpcs-code'
  | 'unknown-guidance'
  | 'malformed-diagnosis'
  | 'header-diagnosis'
  | 'not-indication'
  | 'no-indication';

/** Something the coder must look at; what it concerns was left out of the coding, never guessed. */
export interface CodingIssue {
  readonly code: CodingIssueCode;
  /** Where in the options, e.g. `sites[2].muscle`, `drugs[0].volumeMl`, `diagnoses[1]`. */
  readonly path: string;
  readonly message: string;
}

export type CodingNoteCode = 'local-anaesthetic-included' | 'saline-not-billed' | 'discard-modifier';

/** Information about a deliberate choice (e.g. why a drug has no line); needs no action. */
export interface CodingNote {
  readonly code: CodingNoteCode;
  readonly message: string;
  readonly sources: readonly CodingSourceId[];
}

export interface ProcedureCoding {
  /** 20552/20553 (injection) or 20560/20561 (needling without injection); null when not codable. */
  readonly procedure: CodingLine | null;
  /** 76942/77002/77021 when guidance was given and there is a procedure. */
  readonly guidance: CodingLine | null;
  /** HCPCS drug lines (corticosteroids), in table order. */
  readonly hcpcs: readonly CodingLine[];
  /** The muscles counted, in catalogue order, left before right. */
  readonly muscles: readonly CountedMuscle[];
  /** ICD-10-CM indication codes linked to every line. */
  readonly diagnoses: readonly string[];
  readonly notes: readonly CodingNote[];
  readonly issues: readonly CodingIssue[];
}
