// Whether a repeat TPI meets a rule pack's criteria (issue 6 item 4; REFERENCE.md 4.4, 6.4). Each
// criterion is met (true), not met (false) or undecidable for want of data (null, saying what is
// missing); the verdict is `eligible` only when every criterion is met, so missing data never reads
// as an all-clear. Each criterion carries the facts it was evaluated on.
import { catalogue } from '../catalogue/catalogue.js';
import { parseFhirTime } from '../util/fhir-time.js';
import type {
  CriterionResult,
  EligibilityCriterion,
  EligibilityPack,
  EligibilityVerdict,
  PastSession,
  PegItems,
  RepeatEligibility,
  RepeatEligibilityInput,
} from './outcome-types.js';
import { FLARE_WINDOW_HOURS, procedureOutcome } from './procedure-outcome.js';

const DAY_MS = 86_400_000;

function instant(at: string, what: string): number {
  const ms = parseFhirTime(at);
  if (ms === undefined) throw new Error(`${what} is not an ISO 8601 instant: ${JSON.stringify(at)}`);
  return ms;
}

/** The same wall-clock instant `months` calendar months later (UTC), the day clamped to the month's end. */
export function addMonthsUtc(ms: number, months: number): number {
  const d = new Date(ms);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return Date.UTC(
    target.getUTCFullYear(),
    target.getUTCMonth(),
    Math.min(d.getUTCDate(), lastDay),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds(),
  );
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function regionsOf(muscles: readonly string[]): { regions: Set<string>; unknown: string[] } {
  const regions = new Set<string>();
  const unknown: string[] = [];
  for (const code of muscles) {
    const m = catalogue.muscles.find((x) => x.code === code);
    if (!m) unknown.push(code);
    else for (const r of m.regions) regions.add(r);
  }
  return { regions, unknown };
}

function pegSum(peg: PegItems | null | undefined): number | null {
  if (!peg) return null;
  const items = [peg.pain, peg.enjoyment, peg.activity];
  return items.every((v) => Number.isInteger(v) && v >= 0 && v <= 10) ? items.reduce((a, b) => a + b, 0) : null;
}

interface Context {
  readonly input: RepeatEligibilityInput;
  readonly asOf: number;
  readonly sessions: readonly (PastSession & { readonly ms: number })[];
  readonly planned: readonly string[];
}

type Evaluation = Omit<CriterionResult, 'id' | 'kind' | 'sources'>;

function reliefCriterion(c: Extract<EligibilityCriterion, { kind: 'relief-duration' }>, ctx: Context): Evaluation {
  const outcome = procedureOutcome({ ...ctx.input.last, durationThresholdPct: c.minReliefPct });
  const d = outcome.reliefDuration;
  const lastPain = [...outcome.points].reverse().find((p) => p.painNrs !== null);
  const facts = {
    baselinePainNrs: outcome.baseline.painNrs,
    status: d.status,
    days: d.days,
    endedByDays: d.endedByDays ?? null,
    lastPainAnswerDay: lastPain ? Math.round((lastPain.hoursAfter / 24) * 10) / 10 : null,
  };
  const need = `>= ${c.minReliefPct} % relief for >= ${c.minDays} days`;
  switch (d.status) {
    case 'unknown':
      return { met: null, detail: `${need}: ${d.reason}`, missing: d.reason, facts };
    case 'not-reached':
      if (lastPain && lastPain.hoursAfter > FLARE_WINDOW_HOURS)
        return { met: false, detail: `${need}: ${d.reason}`, facts };
      return {
        met: null,
        detail: `${need}: ${d.reason} so far`,
        missing: `a pain answer after the first ${FLARE_WINDOW_HOURS} h`,
        facts,
      };
    case 'ended':
      if ((d.days ?? 0) >= c.minDays) return { met: true, detail: `${need}: ${d.reason}`, facts };
      if ((d.endedByDays ?? 0) <= c.minDays) return { met: false, detail: `${need}: ${d.reason}`, facts };
      return {
        met: null,
        detail: `${need}: ${d.reason}; it ended between those answers`,
        missing: `a pain answer between day ${d.days} and day ${d.endedByDays}`,
        facts,
      };
    case 'ongoing':
      if ((d.days ?? 0) >= c.minDays) return { met: true, detail: `${need}: ${d.reason}`, facts };
      return {
        met: null,
        detail: `${need}: ${d.reason}, not yet ${c.minDays} days`,
        missing: `a pain answer on or after day ${c.minDays}`,
        facts,
      };
  }
}

function functionCriterion(
  c: Extract<EligibilityCriterion, { kind: 'functional-improvement' }>,
  ctx: Context,
): Evaluation {
  const base = pegSum(ctx.input.last.baseline.peg);
  const answers = [...ctx.input.last.answers]
    .map((a) => ({ a, ms: instant(a.at, 'answer.at'), sum: pegSum(a.peg) }))
    .filter((x) => x.sum !== null)
    .sort((x, y) => x.ms - y.ms);
  const latest = answers[answers.length - 1];
  const need = c.minImprovementPct === 'any' ? 'PEG improved' : `PEG improved by >= ${c.minImprovementPct} %`;
  const facts = {
    baselinePegScore: base === null ? null : base / 3,
    latestPegScore: latest?.sum != null ? latest.sum / 3 : null,
    latestPegAt: latest ? latest.a.at : null,
  };
  if (base === null) return { met: null, detail: `${need}: no baseline PEG`, missing: 'the baseline PEG', facts };
  if (!latest || latest.sum === null) {
    return { met: null, detail: `${need}: no PEG answer after the procedure`, missing: 'a PEG answer', facts };
  }
  if (base === 0) {
    return { met: null, detail: `${need}: the baseline PEG was 0`, missing: 'a baseline PEG above 0', facts };
  }
  const gain = base - latest.sum;
  const met = c.minImprovementPct === 'any' ? gain > 0 : gain * 100 >= c.minImprovementPct * base;
  const pct = Math.round(((gain * 100) / base) * 10) / 10;
  return {
    met,
    detail: `${need}: ${pct} % (PEG ${facts.baselinePegScore?.toFixed(1)} -> ${facts.latestPegScore?.toFixed(1)})`,
    facts,
  };
}

function inScope(
  scope: 'same-site' | 'same-region' | 'any-site',
  ctx: Context,
): { matches: (s: PastSession) => boolean } | { missing: string } {
  if (scope === 'any-site') return { matches: () => true };
  if (ctx.planned.length === 0) return { missing: 'the muscles the repeat would treat' };
  if (scope === 'same-site') {
    const planned = new Set(ctx.planned);
    return { matches: (s) => s.muscles.some((m) => planned.has(m)) };
  }
  const planned = regionsOf(ctx.planned);
  const unknown = [...planned.unknown, ...ctx.sessions.flatMap((s) => regionsOf(s.muscles).unknown)];
  if (unknown.length > 0) return { missing: `the body region of ${[...new Set(unknown)].join(', ')}` };
  return { matches: (s) => [...regionsOf(s.muscles).regions].some((r) => planned.regions.has(r)) };
}

function intervalCriterion(c: Extract<EligibilityCriterion, { kind: 'min-interval' }>, ctx: Context): Evaluation {
  const need = `>= ${c.minMonths !== undefined ? `${c.minMonths} months` : `${c.minDays} days`} since the last session (${c.scope})`;
  const scope = inScope(c.scope, ctx);
  if ('missing' in scope)
    return { met: null, detail: `${need}: ${scope.missing} unknown`, missing: scope.missing, facts: {} };
  const previous = ctx.sessions.filter((s) => s.ms <= ctx.asOf && scope.matches(s)).sort((a, b) => b.ms - a.ms)[0];
  if (!previous) return { met: true, detail: `${need}: no earlier session in scope`, facts: { lastSessionAt: null } };
  const earliest =
    c.minMonths !== undefined ? addMonthsUtc(previous.ms, c.minMonths) : previous.ms + (c.minDays ?? 0) * DAY_MS;
  const days = Math.floor((ctx.asOf - previous.ms) / DAY_MS);
  const met = ctx.asOf >= earliest;
  return {
    met,
    detail: `${need}: last on ${isoDay(previous.ms)}, ${days} days ago${met ? '' : `; not before ${isoDay(earliest)}`}`,
    facts: { lastSessionAt: previous.at, daysSince: days, earliestRepeat: new Date(earliest).toISOString() },
  };
}

function sessionsCriterion(c: Extract<EligibilityCriterion, { kind: 'max-sessions' }>, ctx: Context): Evaluation {
  const need = `<= ${c.max} sessions in ${c.windowMonths} months (${c.scope}), this one included`;
  const scope = inScope(c.scope, ctx);
  if ('missing' in scope)
    return { met: null, detail: `${need}: ${scope.missing} unknown`, missing: scope.missing, facts: {} };
  const from = addMonthsUtc(ctx.asOf, -c.windowMonths);
  const counted = ctx.sessions.filter((s) => s.ms > from && s.ms <= ctx.asOf && scope.matches(s)).length;
  const met = counted + 1 <= c.max;
  return {
    met,
    detail: `${need}: ${counted} since ${isoDay(from)}, ${counted + 1} with this one`,
    facts: { windowFrom: new Date(from).toISOString(), sessionsInWindow: counted },
  };
}

export function verdictOfCriteria(criteria: readonly { readonly met: boolean | null }[]): EligibilityVerdict {
  if (criteria.some((c) => c.met === false)) return 'not-eligible';
  if (criteria.length > 0 && criteria.every((c) => c.met === true)) return 'eligible';
  return 'unknown';
}

export function repeatEligibility(pack: EligibilityPack, input: RepeatEligibilityInput): RepeatEligibility {
  const asOf = instant(input.asOf, 'asOf');
  const sessions = input.sessions.map((s, i) => ({ ...s, ms: instant(s.at, `sessions[${i}].at`) }));
  const latest = [...sessions].filter((s) => s.ms <= asOf).sort((a, b) => b.ms - a.ms)[0];
  const planned = input.plannedMuscles ?? latest?.muscles ?? [];
  const ctx: Context = { input, asOf, sessions, planned };
  const criteria: CriterionResult[] = pack.criteria.map((c) => {
    let evaluation: Evaluation;
    switch (c.kind) {
      case 'relief-duration':
        evaluation = reliefCriterion(c, ctx);
        break;
      case 'functional-improvement':
        evaluation = functionCriterion(c, ctx);
        break;
      case 'min-interval':
        evaluation = intervalCriterion(c, ctx);
        break;
      case 'max-sessions':
        evaluation = sessionsCriterion(c, ctx);
        break;
    }
    return { id: c.id, kind: c.kind, ...evaluation, sources: c.sources };
  });
  return {
    pack: { id: pack.id, version: pack.version, name: pack.name },
    verdict: verdictOfCriteria(criteria),
    criteria,
    notChecked: pack.notChecked ?? [],
  };
}
