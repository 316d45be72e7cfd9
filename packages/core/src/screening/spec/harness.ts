// Runs the engine on a built request and reduces the answer to what the contract fixes: the cards
// (topic code -> indicator), the verdict and the trace. Pure (no vitest, no I/O) so that it builds.
import type { ScreeningPolicy } from '../../policy/policy.js';
import { screen } from '../screen.js';
import { AS_OF, buildRequest, type RequestSpec } from './build-request.js';

export type SpecIndicator = 'info' | 'warning' | 'critical';
export interface SpecCard {
  uuid: string;
  summary: string;
  detail: string;
  indicator: SpecIndicator;
  source: { label: string; topic: { system: string; code: string; display: string } };
  overrideReasons?: { system?: string; code: string; display?: string }[];
  extension?: { knotwork?: { rules?: string[]; policyVersion?: string } };
}
export interface SpecRuleTrace {
  id: string;
  version: number;
  finding: string;
  sources: readonly string[];
  evaluated: boolean;
  skipped?: string;
  fired: boolean;
  indicator?: SpecIndicator;
  suppressedBy?: string;
  facts: readonly { path: string; text: string }[];
}
export interface Outcome {
  cards: SpecCard[];
  /** topic code -> indicator (the last card wins if a code repeats; see `duplicates`). */
  byCode: Record<string, SpecIndicator>;
  duplicates: string[];
  verdict: string;
  trace: { asOf: string; policyVersion: string; rules: SpecRuleTrace[] };
}

export interface RunOptions {
  asOf?: number;
  policy?: ScreeningPolicy;
}

/** Screens a raw request; throws (failing the test) when the engine refuses it. */
export function runRaw(request: unknown, opts: RunOptions = {}): Outcome {
  const result = screen(request, { asOf: opts.asOf ?? AS_OF, ...(opts.policy ? { policy: opts.policy } : {}) });
  if (!result.ok) {
    throw new Error(
      `engine refused the request: ${result.problem.code} at ${result.problem.path}: ${result.problem.message}`,
    );
  }
  const cards = result.response.cards as unknown as SpecCard[];
  const byCode: Record<string, SpecIndicator> = {};
  const duplicates: string[] = [];
  for (const card of cards) {
    const code = card.source.topic.code;
    if (code in byCode) duplicates.push(code);
    byCode[code] = card.indicator;
  }
  return {
    cards,
    byCode,
    duplicates,
    verdict: result.verdict,
    trace: result.trace as unknown as Outcome['trace'],
  };
}

export const run = (spec: RequestSpec = {}, opts: RunOptions = {}): Outcome => runRaw(buildRequest(spec), opts);
/** The cards of a built request as { topic code: indicator }. */
export const cardsOf = (spec: RequestSpec = {}, opts: RunOptions = {}): Record<string, SpecIndicator> =>
  run(spec, opts).byCode;
export const cardOf = (outcome: Outcome, code: string): SpecCard | undefined =>
  outcome.cards.find((c) => c.source.topic.code === code);

export const VERDICT_RANK: Readonly<Record<string, number>> = { proceed: 0, caution: 1, 'do-not-proceed': 2 };
export const INDICATOR_RANK: Readonly<Record<string, number>> = { info: 0, warning: 1, critical: 2 };
