// The shapes of the visit-planning routes (indication and baseline, the plan, the dose meter, the
// screen of the saved plan and overrides), as packages/server/src/http/api/visit-care-routes.ts,
// plan-schemas.ts and screen-schemas.ts declare them.
import type { Side } from './types';

export interface Indication {
  readonly icd10: string;
  readonly display: string;
}

export interface Peg {
  readonly pain: number;
  readonly enjoyment: number;
  readonly activity: number;
}

export interface BaselineInput {
  readonly indication: Indication;
  readonly painNrs: number;
  readonly peg: Peg | null;
}

export interface Baseline extends BaselineInput {
  readonly visitId: string;
  readonly patientId: string;
  /** The server's PEG score (the mean of the three items), null without PEG. */
  readonly pegScore: number | null;
  /** Whether the server counts the diagnosis as a usual TPI indication. */
  readonly isTpiIndication: boolean;
  readonly recordedAt: string;
  readonly recordedBy: string | null;
  readonly revision: number;
}

export interface Findings {
  readonly tautBand: boolean;
  readonly localTwitch: boolean;
  readonly referredPain: boolean;
  readonly jumpSign: boolean;
}

export interface PlannedSite {
  readonly muscle: string;
  readonly side: Side;
  readonly findings: Findings;
}

export interface PlannedProduct {
  readonly injectate: string;
  readonly volumeMl: number;
}

export interface PlanInput {
  readonly sites: readonly PlannedSite[];
  readonly products: readonly PlannedProduct[];
}

export interface Plan extends PlanInput {
  readonly id: string;
  readonly visitId: string;
  readonly patientId: string;
  readonly revision: number;
  /** The screen of this revision of the plan; null until screened. */
  readonly screenId: string | null;
}

export type DoseLevel = 'within' | 'near' | 'above' | 'no-weight';

export interface DoseLine {
  readonly injectate: string;
  readonly display: string;
  readonly volumeMl: number;
  readonly mg: number;
  readonly maxMg: number;
  readonly maxBy: 'weight' | 'cap';
  readonly fraction: number;
}

export interface DoseCheck {
  readonly weightKg: number | null;
  readonly weightAt: string | null;
  readonly lines: readonly DoseLine[];
  readonly combinedFraction: number;
  readonly warnFraction: number;
  readonly level: DoseLevel;
  readonly available: readonly { readonly injectate: string; readonly display: string; readonly ml: number }[];
  readonly words: string;
  readonly sources: readonly string[];
}

export type Indicator = 'info' | 'warning' | 'critical';
export type Verdict = 'proceed' | 'caution' | 'do-not-proceed';

export interface ScreenCard {
  readonly uuid: string;
  readonly summary: string;
  readonly detail?: string;
  readonly indicator: Indicator;
  readonly source: {
    readonly label: string;
    readonly topic?: { readonly system: string; readonly code: string; readonly display?: string };
  };
  readonly overrideReasons?: readonly { readonly system: string; readonly code: string; readonly display?: string }[];
  readonly extension?: Readonly<Record<string, unknown>>;
}

export interface RuleTrace {
  readonly id: string;
  readonly version: number;
  readonly finding: string;
  readonly sources?: readonly string[];
  readonly evaluated: boolean;
  readonly skipped?: string;
  readonly fired: boolean;
  readonly indicator?: Indicator;
  readonly suppressedBy?: string;
  readonly facts?: readonly { readonly path: string; readonly text: string }[];
}

export interface ScreenResult {
  readonly screenId: string;
  readonly cards: readonly ScreenCard[];
  readonly verdict: Verdict;
  readonly trace: { readonly asOf: string; readonly policyVersion: string; readonly rules: readonly RuleTrace[] };
  readonly policyVersion: string;
}

export interface OverrideInput {
  readonly cardUuid: string;
  readonly reasonCode: string;
  readonly comment?: string;
}

export interface Override {
  readonly id: string;
  readonly screenId: string;
  readonly cardUuid: string;
  readonly finding: string;
  readonly reasonCode: string;
  readonly comment: string | null;
  readonly userId: string;
  readonly at: string;
}
