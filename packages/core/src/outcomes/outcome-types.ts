// The shapes of a procedure's outcome (relief, responders, duration of relief, flare, complications,
// function) and of a repeat-eligibility decision. Pure data: the server gathers the facts (the
// baseline, the patient's answers, the clinician's complications, past sessions) and passes them in;
// time is a parameter (ISO instants), never the clock.

/** The PEG items, each 0-10 (pain, enjoyment of life, general activity) [HEAL]. */
export interface PegItems {
  readonly pain: number;
  readonly enjoyment: number;
  readonly activity: number;
}

/** One follow-up answer from the patient (the public form), or a clinician's post-procedure reading. */
export interface OutcomeAnswer {
  /** When it was given (ISO 8601 instant). */
  readonly at: string;
  /** Pain NRS 0-10 on the baseline's scale [LCD_L34211]; null when not answered. */
  readonly painNrs: number | null;
  /** The % relief the patient reports (0-100), kept apart from the relief computed from the NRS. */
  readonly reliefPct?: number | null;
  readonly peg?: PegItems | null;
  /** Patient global impression of change, 1 (very much improved) to 7 (very much worse) [IMMPACT2008]. */
  readonly pgic?: number | null;
  /** Side-effect ids the patient ticked (`soreness-or-flare`, `bruising`, ...). */
  readonly sideEffects?: readonly string[];
  /** Red-flag ids the patient answered yes to. */
  readonly redFlags?: readonly string[];
}

/** A complication the clinician recorded on the procedure (a COMPLICATION_TYPES id). */
export interface ClinicianComplication {
  readonly type: string;
  /** When it happened or was recorded (ISO), when known. */
  readonly at?: string | null;
}

export interface ProcedureOutcomeInput {
  /** When the procedure was done (ISO instant): hours after are counted from here. */
  readonly procedureAt: string;
  /** The pre-procedure readings on the same scales. */
  readonly baseline: { readonly painNrs: number | null; readonly peg?: PegItems | null };
  readonly answers: readonly OutcomeAnswer[];
  readonly clinicianComplications?: readonly ClinicianComplication[];
  /** Relief (% of baseline NRS) that counts toward the duration of relief; default 50 [LCD_L34211]. */
  readonly durationThresholdPct?: number;
}

/** A yes/no that may be unknown for want of data: null never means "no". */
export type Tri = boolean | null;

export interface OutcomePoint {
  readonly at: string;
  readonly hoursAfter: number;
  readonly painNrs: number | null;
  /** (baseline - NRS) / baseline x 100; null without both readings or with a baseline of 0. Negative = worse. */
  readonly reliefPct: number | null;
  /** What the patient reported as % relief, unchanged. */
  readonly reportedReliefPct: number | null;
  readonly responder30: Tri;
  readonly responder50: Tri;
  /** PEG score (mean of the three items, 0-10). */
  readonly pegScore: number | null;
  /** (baseline PEG - PEG) / baseline PEG x 100; null without both. */
  readonly pegImprovementPct: number | null;
  readonly pgic: number | null;
}

export const RELIEF_DURATION_STATUSES = ['ongoing', 'ended', 'not-reached', 'unknown'] as const;
export type ReliefDurationStatus = (typeof RELIEF_DURATION_STATUSES)[number];

export interface ReliefDuration {
  readonly thresholdPct: number;
  /**
   * - ongoing: relief at or above the threshold at the last answer; `days` is how long it has lasted so far
   * - ended: relief fell below the threshold after the flare window; `days` is to the last answer still at or above
   *   it (a lower bound: it ended between then and `endedByDays`)
   * - not-reached: no answer reached the threshold (days 0)
   * - unknown: no baseline, no pain answers, or the last answers dipped inside the flare window with none after
   */
  readonly status: ReliefDurationStatus;
  readonly days: number | null;
  readonly endedByDays?: number;
  readonly reason: string;
}

export const FLARE_STATUSES = ['detected', 'rise-not-fallen', 'none', 'unknown'] as const;
export type FlareStatus = (typeof FLARE_STATUSES)[number];

export interface Flare {
  /** detected: NRS above baseline within the first 72 h, then lower at a later answer. */
  readonly status: FlareStatus;
  readonly peak?: { readonly painNrs: number; readonly hoursAfter: number };
  readonly fellAtHours?: number;
  /** The fall reached the baseline or below. */
  readonly backToBaseline?: boolean;
  readonly reason: string;
}

export interface ReportedComplication {
  readonly by: 'patient' | 'clinician';
  /** A side-effect or red-flag id (patient) or a complication type (clinician). */
  readonly id: string;
  readonly kind: 'side-effect' | 'red-flag' | 'complication';
  readonly at: string | null;
  readonly hoursAfter: number | null;
}

export interface ProcedureOutcome {
  readonly baseline: { readonly painNrs: number | null; readonly pegScore: number | null };
  readonly points: readonly OutcomePoint[];
  /** IMMPACT responders (>= 30 % moderate, >= 50 % substantial NRS reduction) at the latest pain answer [IMMPACT2008]. */
  readonly responder30: Tri;
  readonly responder50: Tri;
  /** The answer the responder verdicts were taken at. */
  readonly endpoint: { readonly at: string; readonly hoursAfter: number } | null;
  readonly reliefDuration: ReliefDuration;
  readonly flare: Flare;
  readonly complications: readonly ReportedComplication[];
  /** PEG improvement at the latest PEG answer, % of the baseline PEG score. */
  readonly functionalImprovementPct: number | null;
  /** What is missing for a full outcome (`baseline pain NRS`, `an answer at or after 72 h`, ...). */
  readonly missing: readonly string[];
}

// Repeat eligibility: rule packs as data.

export type EligibilityCriterion =
  | {
      readonly kind: 'relief-duration';
      readonly id: string;
      readonly minReliefPct: number;
      readonly minDays: number;
      readonly sources: readonly string[];
    }
  | {
      readonly kind: 'functional-improvement';
      readonly id: string;
      /** At least this % improvement of the PEG score on the same scale as baseline; 'any' = better at all. */
      readonly minImprovementPct: number | 'any';
      readonly sources: readonly string[];
    }
  | {
      readonly kind: 'min-interval';
      readonly id: string;
      /** Time since the last session: at the same muscle, in the same body region, or anywhere. */
      readonly scope: IntervalScope;
      readonly minDays?: number;
      readonly minMonths?: number;
      readonly sources: readonly string[];
    }
  | {
      readonly kind: 'max-sessions';
      readonly id: string;
      readonly scope: SessionScope;
      /** Sessions in the rolling window, counting the one being considered. */
      readonly max: number;
      readonly windowMonths: number;
      readonly sources: readonly string[];
    };

export const INTERVAL_SCOPES = ['same-site', 'same-region', 'any-site'] as const;
export type IntervalScope = (typeof INTERVAL_SCOPES)[number];
export const SESSION_SCOPES = ['same-region', 'any-site'] as const;
export type SessionScope = (typeof SESSION_SCOPES)[number];
export const CRITERION_KINDS = ['relief-duration', 'functional-improvement', 'min-interval', 'max-sessions'] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];

export interface EligibilityPack {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  readonly sources: readonly string[];
  readonly criteria: readonly EligibilityCriterion[];
  /** What the pack asks that the software cannot check (e.g. an active exercise programme). */
  readonly notChecked?: readonly string[];
}

export interface PastSession {
  /** When it was done (ISO). */
  readonly at: string;
  /** Catalogue muscle codes injected. */
  readonly muscles: readonly string[];
}

export interface RepeatEligibilityInput {
  /** When the repeat is considered (ISO); the server's clock, passed in. */
  readonly asOf: string;
  /** The last session's outcome facts. */
  readonly last: ProcedureOutcomeInput;
  /** Every signed session of this patient (the last one included), any order. */
  readonly sessions: readonly PastSession[];
  /** The muscles the repeat would treat; default the last session's. */
  readonly plannedMuscles?: readonly string[];
}

export const ELIGIBILITY_VERDICTS = ['eligible', 'not-eligible', 'unknown'] as const;
export type EligibilityVerdict = (typeof ELIGIBILITY_VERDICTS)[number];

export interface CriterionResult {
  readonly id: string;
  readonly kind: CriterionKind;
  /** true met, false not met, null not decidable: `missing` says what is needed. */
  readonly met: Tri;
  readonly detail: string;
  readonly missing?: string;
  /** The facts this criterion was evaluated on. */
  readonly facts: Readonly<Record<string, string | number | boolean | null>>;
  readonly sources: readonly string[];
}

export interface RepeatEligibility {
  readonly pack: { readonly id: string; readonly version: number; readonly name: string };
  /** eligible only when every criterion is met; not-eligible when one is not; otherwise unknown. */
  readonly verdict: EligibilityVerdict;
  readonly criteria: readonly CriterionResult[];
  readonly notChecked: readonly string[];
}
