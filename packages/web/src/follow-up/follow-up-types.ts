// The public follow-up form's API shapes, as packages/server/src/http/api/follow-up-schemas.ts
// (the source of truth) defines them: the form a link shows, the answers sent, the advice answered.

export type RedFlagUrgency = 'emergency' | 'urgent' | 'soon';

export interface PegAnswers {
  readonly pain: number;
  readonly enjoyment: number;
  readonly activity: number;
}

export interface FollowUpForm {
  readonly dueAt: string;
  readonly expiresAt: string;
  readonly procedureDate: string;
  readonly label: string;
  readonly sites: readonly {
    readonly muscle: string;
    readonly name: string;
    readonly side: 'left' | 'right' | 'both';
  }[];
  readonly products: readonly { readonly injectate: string; readonly name: string; readonly steroid: boolean }[];
  readonly baseline: { readonly painNrs: number | null; readonly peg: PegAnswers | null };
  readonly asksPeg: boolean;
  readonly sideEffects: readonly { readonly id: string; readonly text: string }[];
  readonly redFlags: readonly { readonly id: string; readonly text: string; readonly why: string }[];
  readonly entries: readonly { readonly submittedAt: string }[];
}

export interface FollowUpAnswers {
  readonly painNrs: number;
  readonly reliefPct: number;
  readonly peg?: PegAnswers;
  readonly sideEffects: readonly string[];
  readonly redFlags: readonly string[];
  readonly pgic: number;
  readonly comment?: string;
}

export interface RedFlagAdvice {
  readonly id: string;
  readonly urgency: RedFlagUrgency;
  readonly advice: string;
  readonly sources: readonly string[];
}

export interface FollowUpAnswersCreated {
  readonly id: string;
  readonly redFlags: readonly RedFlagAdvice[];
}

/** PGIC, 7 points, as IMMPACT words them [IMMPACT2008]: 1 very much improved ... 7 very much worse. */
export const PGIC_CHOICES = [
  [1, 'Very much improved'],
  [2, 'Much improved'],
  [3, 'A little improved'],
  [4, 'No change'],
  [5, 'A little worse'],
  [6, 'Much worse'],
  [7, 'Very much worse'],
] as const;
