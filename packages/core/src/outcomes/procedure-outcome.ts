// A procedure's outcome from its baseline and the answers after it (issue 6 item 4; REFERENCE.md
// 6.3, 6.4, 7.2). Relief is always against the same-scale baseline [LCD_L34211]; the % relief the
// patient reports is kept beside it, never mixed in. Comparisons with a threshold are done in
// integers ((baseline - nrs) x 100 >= threshold x baseline) so that exactly 30 % is 30 %.
import { parseFhirTime } from '../util/fhir-time.js';
import type {
  Flare,
  OutcomeAnswer,
  OutcomePoint,
  PegItems,
  ProcedureOutcome,
  ProcedureOutcomeInput,
  ReliefDuration,
  ReportedComplication,
  Tri,
} from './outcome-types.js';

/** IMMPACT: >= 30 % NRS reduction is moderate, >= 50 % substantial [IMMPACT2008]. */
export const RESPONDER_MODERATE_PCT = 30;
export const RESPONDER_SUBSTANTIAL_PCT = 50;
/** Relief counted toward the duration of relief by default: the Medicare repeat criterion's 50 % [LCD_L34211]. */
export const DEFAULT_DURATION_THRESHOLD_PCT = 50;
/**
 * The flare window: post-injection soreness starts 2-8 h after and lasts about 1-4 days [HONG1994]
 * [PTCARE]; issue 6 reads a flare as a rise above baseline in the first 72 h that then falls.
 * An answer at exactly 72 h is inside it.
 */
export const FLARE_WINDOW_HOURS = 72;

const HOUR_MS = 3_600_000;

function instant(at: string | null | undefined, what: string): number {
  const ms = parseFhirTime(at);
  // A timestamp we wrote ourselves that does not parse is a bug, not an outcome.
  if (ms === undefined) throw new Error(`${what} is not an ISO 8601 instant: ${JSON.stringify(at)}`);
  return ms;
}

const isScore = (v: unknown, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;

/** PEG sum (0-30) when all three items are valid 0-10 integers. */
function pegSum(peg: PegItems | null | undefined): number | null {
  if (!peg || !isScore(peg.pain, 10) || !isScore(peg.enjoyment, 10) || !isScore(peg.activity, 10)) return null;
  return peg.pain + peg.enjoyment + peg.activity;
}

/** (base - now) / base as a percentage, or null when either is missing or base is 0. */
function reductionPct(base: number | null, now: number | null): number | null {
  if (base === null || now === null || base === 0) return null;
  return ((base - now) * 100) / base;
}

/** base - now >= pct % of base, exactly, in integers when the inputs are. */
function reachesPct(base: number | null, now: number | null, pct: number): Tri {
  if (base === null || now === null || base === 0) return null;
  return (base - now) * 100 >= pct * base;
}

interface Timed {
  readonly answer: OutcomeAnswer;
  readonly ms: number;
  readonly hoursAfter: number;
  readonly nrs: number | null;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function reliefDuration(baseline: number | null, timed: readonly Timed[], thresholdPct: number): ReliefDuration {
  const withPain = timed.filter((t) => t.nrs !== null);
  if (baseline === null || baseline === 0) {
    return {
      thresholdPct,
      status: 'unknown',
      days: null,
      reason: baseline === 0 ? 'baseline pain was 0: no relief can be measured' : 'no baseline pain NRS',
    };
  }
  if (withPain.length === 0) {
    return { thresholdPct, status: 'unknown', days: null, reason: 'no pain answers after the procedure' };
  }
  const at = (t: Timed) => reachesPct(baseline, t.nrs, thresholdPct) === true;
  // The relief is counted from the procedure. A dip inside the flare window does not end it
  // (soreness is expected there); the first answer below the threshold after the window does.
  let lastAt: Timed | undefined;
  for (const t of withPain) {
    if (at(t)) {
      lastAt = t;
      continue;
    }
    if (t.hoursAfter <= FLARE_WINDOW_HOURS) continue;
    const below = round1(t.hoursAfter / 24);
    if (!lastAt) {
      return { thresholdPct, status: 'not-reached', days: 0, reason: `below ${thresholdPct} % relief at day ${below}` };
    }
    const until = round1(lastAt.hoursAfter / 24);
    return {
      thresholdPct,
      status: 'ended',
      days: until,
      endedByDays: below,
      reason: `relief at or above ${thresholdPct} % until day ${until}, below it by day ${below}`,
    };
  }
  if (!lastAt) {
    return { thresholdPct, status: 'not-reached', days: 0, reason: `no answer reached ${thresholdPct} % relief` };
  }
  if (withPain[withPain.length - 1] !== lastAt) {
    return {
      thresholdPct,
      status: 'unknown',
      days: null,
      reason: `relief dipped below ${thresholdPct} % inside the first ${FLARE_WINDOW_HOURS} h and no later answer says whether it returned`,
    };
  }
  const until = round1(lastAt.hoursAfter / 24);
  return {
    thresholdPct,
    status: 'ongoing',
    days: until,
    reason: `relief at or above ${thresholdPct} % at the last answer (day ${until})`,
  };
}

function flareOf(baseline: number | null, timed: readonly Timed[]): Flare {
  if (baseline === null) return { status: 'unknown', reason: 'no baseline pain NRS' };
  const withPain = timed.filter((t) => t.nrs !== null);
  const inWindow = withPain.filter((t) => t.hoursAfter <= FLARE_WINDOW_HOURS);
  if (inWindow.length === 0) {
    return { status: 'unknown', reason: `no pain answer in the first ${FLARE_WINDOW_HOURS} h` };
  }
  let peak: Timed | undefined;
  for (const t of inWindow)
    if ((t.nrs as number) > baseline && (!peak || (t.nrs as number) > (peak.nrs as number))) peak = t;
  if (!peak) {
    return { status: 'none', reason: `no pain above the baseline (${baseline}) in the first ${FLARE_WINDOW_HOURS} h` };
  }
  const peakNrs = peak.nrs as number;
  const fell = withPain.find((t) => t.ms > peak.ms && (t.nrs as number) < peakNrs);
  const peakFact = { painNrs: peakNrs, hoursAfter: round1(peak.hoursAfter) };
  if (!fell) {
    return {
      status: 'rise-not-fallen',
      peak: peakFact,
      reason: `pain rose to ${peakNrs} (baseline ${baseline}) at ${round1(peak.hoursAfter)} h and no later answer is lower`,
    };
  }
  const backToBaseline = withPain.some((t) => t.ms > peak.ms && (t.nrs as number) <= baseline);
  return {
    status: 'detected',
    peak: peakFact,
    fellAtHours: round1(fell.hoursAfter),
    backToBaseline,
    reason: `pain rose to ${peakNrs} (baseline ${baseline}) at ${round1(peak.hoursAfter)} h, then fell to ${fell.nrs} at ${round1(fell.hoursAfter)} h`,
  };
}

/** The outcome of one procedure. Answers may come in any order and several a day. */
export function procedureOutcome(input: ProcedureOutcomeInput): ProcedureOutcome {
  const start = instant(input.procedureAt, 'procedureAt');
  const baseline = isScore(input.baseline.painNrs, 10) ? input.baseline.painNrs : null;
  const basePeg = pegSum(input.baseline.peg);
  const thresholdPct = input.durationThresholdPct ?? DEFAULT_DURATION_THRESHOLD_PCT;
  const timed: Timed[] = input.answers
    .map((answer, i) => {
      const ms = instant(answer.at, `answers[${i}].at`);
      return {
        answer,
        ms,
        hoursAfter: (ms - start) / HOUR_MS,
        nrs: isScore(answer.painNrs, 10) ? answer.painNrs : null,
      };
    })
    .filter((t) => t.ms >= start)
    .sort((a, b) => a.ms - b.ms);

  const points: OutcomePoint[] = timed.map((t) => {
    const peg = pegSum(t.answer.peg);
    const reported = t.answer.reliefPct;
    return {
      at: t.answer.at,
      hoursAfter: round1(t.hoursAfter),
      painNrs: t.nrs,
      reliefPct: reductionPct(baseline, t.nrs),
      reportedReliefPct: typeof reported === 'number' ? reported : null,
      responder30: reachesPct(baseline, t.nrs, RESPONDER_MODERATE_PCT),
      responder50: reachesPct(baseline, t.nrs, RESPONDER_SUBSTANTIAL_PCT),
      pegScore: peg === null ? null : peg / 3,
      pegImprovementPct: reductionPct(basePeg, peg),
      pgic: isScore(t.answer.pgic, 7) && t.answer.pgic >= 1 ? t.answer.pgic : null,
    };
  });

  const endpoint = [...points].reverse().find((p) => p.painNrs !== null);
  const lastPeg = [...points].reverse().find((p) => p.pegScore !== null);

  const complications: ReportedComplication[] = [];
  for (const t of timed) {
    for (const id of t.answer.sideEffects ?? [])
      complications.push({ by: 'patient', id, kind: 'side-effect', at: t.answer.at, hoursAfter: round1(t.hoursAfter) });
    for (const id of t.answer.redFlags ?? [])
      complications.push({ by: 'patient', id, kind: 'red-flag', at: t.answer.at, hoursAfter: round1(t.hoursAfter) });
  }
  for (const c of input.clinicianComplications ?? []) {
    const ms = c.at ? parseFhirTime(c.at) : undefined;
    complications.push({
      by: 'clinician',
      id: c.type,
      kind: 'complication',
      at: c.at ?? null,
      hoursAfter: ms === undefined ? null : round1((ms - start) / HOUR_MS),
    });
  }

  const missing: string[] = [];
  if (baseline === null) missing.push('baseline pain NRS');
  if (basePeg === null) missing.push('baseline PEG');
  if (!endpoint) missing.push('a pain answer after the procedure');
  if (!lastPeg) missing.push('a PEG answer after the procedure');

  return {
    baseline: { painNrs: baseline, pegScore: basePeg === null ? null : basePeg / 3 },
    points,
    responder30: endpoint ? endpoint.responder30 : null,
    responder50: endpoint ? endpoint.responder50 : null,
    endpoint: endpoint ? { at: endpoint.at, hoursAfter: endpoint.hoursAfter } : null,
    reliefDuration: reliefDuration(baseline, timed, thresholdPct),
    flare: flareOf(baseline, timed),
    complications,
    functionalImprovementPct: lastPeg ? lastPeg.pegImprovementPct : null,
    missing,
  };
}
