// The TPI screening engine (SCREENING.md sections 2 to 4): a CDS Hooks request in, the CDS Hooks
// response, a verdict and a trace out. Pure: "now" is the asOf option; card ids come from the
// caller or are derived from the request, never from a random source.
import { indicatorRank, type FindingCode, type Indicator } from '../catalogue/catalogue.js';
import { compileCatalogue, type CompiledCatalogue } from '../catalogue/compile-catalogue.js';
import { DEFAULT_POLICY, type ScreeningPolicy } from '../policy/policy.js';
import { deterministicUuid } from '../util/hash.js';
import { buildCard, type CdsCard, type FiredRule } from './cards.js';
import { EVALUATORS } from './evaluators.js';
import { readRequest, type RequestProblem } from './read-request.js';
import type { Fact } from './rule-outcome.js';
import { RULES, type RuleDefinition } from './rules.js';
import { buildScreenFacts } from './screen-facts.js';

export type Verdict = 'do-not-proceed' | 'caution' | 'proceed';

export interface RuleTrace {
  readonly id: string;
  readonly version: number;
  readonly finding: FindingCode;
  readonly sources: readonly string[];
  /** False when a prefetch key the rule needs is absent: the rule was skipped, not passed. */
  readonly evaluated: boolean;
  readonly skipped?: string;
  readonly fired: boolean;
  readonly indicator?: Indicator;
  /** Fired, but its finding gives way to another (bleeding-disorder when bleeding-risk fired). */
  readonly suppressedBy?: FindingCode;
  readonly facts: readonly Fact[];
}

export interface ScreenTrace {
  readonly asOf: string;
  readonly policyVersion: string;
  readonly rules: readonly RuleTrace[];
}

export interface CdsHooksResponse {
  readonly cards: readonly CdsCard[];
}

export type ScreenResult =
  | { readonly ok: true; readonly response: CdsHooksResponse; readonly verdict: Verdict; readonly trace: ScreenTrace }
  | { readonly ok: false; readonly problem: RequestProblem };

export interface ScreenOptions {
  /** "Now" for every time window, as epoch milliseconds. */
  readonly asOf: number;
  readonly policy?: ScreeningPolicy;
  readonly catalogue?: CompiledCatalogue;
  /** Card ids; by default derived from the hook instance, the finding and the summary. */
  readonly cardId?: (finding: FindingCode, summary: string) => string;
}

let defaultCatalogue: CompiledCatalogue | undefined;

export function verdictOf(cards: readonly CdsCard[]): Verdict {
  const worst = cards.reduce((max, c) => Math.max(max, indicatorRank(c.indicator)), -1);
  return worst === indicatorRank('critical')
    ? 'do-not-proceed'
    : worst === indicatorRank('warning')
      ? 'caution'
      : 'proceed';
}

function addFired(firedBy: Map<FindingCode, FiredRule[]>, fired: FiredRule): void {
  const list = firedBy.get(fired.rule.finding);
  if (list) list.push(fired);
  else firedBy.set(fired.rule.finding, [fired]);
}

export function screen(input: unknown, options: ScreenOptions): ScreenResult {
  const { asOf, policy = DEFAULT_POLICY } = options;
  if (!Number.isFinite(asOf)) throw new RangeError('asOf must be a finite time in epoch milliseconds');
  const c = options.catalogue ?? (defaultCatalogue ??= compileCatalogue());
  const read = readRequest(c, input);
  if (!read.ok) return read;
  const facts = buildScreenFacts({ catalogue: c, policy: policy.values, asOf, request: read.request });

  const traces: RuleTrace[] = [];
  const firedBy = new Map<FindingCode, FiredRule[]>();
  const pending: { rule: RuleDefinition; trace: RuleTrace; fired?: FiredRule }[] = [];
  // Object spreads are slow on this path (V8 clones through the runtime), so traces are spelled out.
  for (const rule of RULES as readonly RuleDefinition[]) {
    let absent: string | undefined;
    for (const k of rule.needs) if (!facts.known(k)) absent = absent === undefined ? k : `${absent}, ${k}`;
    if (absent !== undefined) {
      const trace: RuleTrace = {
        id: rule.id,
        version: rule.version,
        finding: rule.finding,
        sources: rule.sources,
        evaluated: false,
        skipped: `prefetch ${absent} absent`,
        fired: false,
        facts: [],
      };
      pending.push({ rule, trace });
      continue;
    }
    const outcome = EVALUATORS[rule.id as keyof typeof EVALUATORS](facts);
    if (!outcome.fired) {
      const trace: RuleTrace = {
        id: rule.id,
        version: rule.version,
        finding: rule.finding,
        sources: rule.sources,
        evaluated: true,
        fired: false,
        facts: outcome.facts,
      };
      pending.push({ rule, trace });
      continue;
    }
    const indicator: Indicator =
      rule.indicator === 'policy'
        ? policy.values.anticoagulantIndicator
        : rule.indicator === 'by-level'
          ? (outcome.indicator ?? 'warning')
          : rule.indicator;
    const fired: FiredRule = { rule, outcome, indicator };
    const trace: RuleTrace = {
      id: rule.id,
      version: rule.version,
      finding: rule.finding,
      sources: rule.sources,
      evaluated: true,
      fired: true,
      indicator,
      facts: outcome.facts,
    };
    pending.push({ rule, trace, fired });
    if (!rule.unless) addFired(firedBy, fired);
  }
  // A rule with `unless` raises its finding only when that other finding was not raised.
  for (const p of pending) {
    if (p.fired && p.rule.unless) {
      if (firedBy.has(p.rule.unless)) p.trace = Object.assign({}, p.trace, { suppressedBy: p.rule.unless });
      else addFired(firedBy, p.fired);
    }
    traces.push(p.trace);
  }

  const cardId =
    options.cardId ??
    ((finding: FindingCode, summary: string) =>
      deterministicUuid(`${read.request.hookInstance ?? ''}|${policy.version}|${finding}|${summary}`));
  const cards = [...firedBy.entries()]
    .map(([finding, fired]) =>
      buildCard({
        catalogue: c,
        finding,
        fired,
        policyVersion: policy.version,
        uuid: (summary) => cardId(finding, summary),
      }),
    )
    .sort(
      (a, b) =>
        indicatorRank(b.indicator) - indicatorRank(a.indicator) ||
        (c.findingOrder.get(a.source.topic.code as FindingCode) ?? 0) -
          (c.findingOrder.get(b.source.topic.code as FindingCode) ?? 0),
    );
  return {
    ok: true,
    response: { cards },
    verdict: verdictOf(cards),
    trace: { asOf: new Date(asOf).toISOString(), policyVersion: policy.version, rules: traces },
  };
}
