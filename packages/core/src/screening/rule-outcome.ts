// What a rule returns: whether it fired, the facts it read (each with its JSON path), and a clause
// for the card summary. Also the few formatting helpers the rules share.
import type { Indicator, Side } from '../catalogue/catalogue.js';
import type { PlannedSite } from './read-request.js';
import type { ScreenFacts } from './screen-facts.js';

export interface Fact {
  /** Where in the request the fact was read, `$.prefetch.observations.entry[2].resource` style. */
  readonly path: string;
  readonly text: string;
}

export interface RuleOutcome {
  readonly fired: boolean;
  /** Set by rules whose indicator depends on what they found. */
  readonly indicator?: Indicator;
  readonly facts: readonly Fact[];
  /** One short clause for the card's summary, when fired. */
  readonly summary?: string;
  /** Planned sites the finding is about, for the summary. */
  readonly sites?: readonly PlannedSite[];
}

export type Evaluator = (f: ScreenFacts) => RuleOutcome;

export const notFired = (facts: readonly Fact[] = []): RuleOutcome => ({ fired: false, facts });

/**
 * Labels for a summary, independent of the order records arrived in: sorted, each once, the first
 * `max` named and the rest counted ("Cellulitis of back, Impetigo (+1 more)").
 */
export function namesPhrase(labels: readonly string[], max = 2): string {
  const unique = [...new Set(labels)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const named = unique.slice(0, max).join(', ');
  return unique.length > max ? `${named} (+${unique.length - max} more)` : named;
}

/** At most `digits` decimals, without trailing zeros: 0.5, 12, 0.333. */
export function round(n: number, digits = 2): string {
  return String(Number(n.toFixed(digits)));
}

/** "101.2 [degF] (38.4 °C)"; a value already in the unit is written once: "70 kg". */
export function withConversion(written: string, value: number, unit: string, same: readonly string[]): string {
  return same.some((u) => written.endsWith(` ${u}`)) ? written : `${written} (${round(value, 1)} ${unit})`;
}

export function when(t: number | undefined): string {
  if (t === undefined) return 'no date';
  const iso = new Date(t).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

const SIDE_WORD: Record<Side, string> = { left: 'left', right: 'right', both: 'both sides' };

export function siteLabel(site: PlannedSite): string {
  return `${site.muscle?.muscle.display ?? site.code ?? 'uncoded site'} (${SIDE_WORD[site.side]})`;
}

/** Sites in catalogue order, each once; unrecognised sites last. */
export function orderSites(sites: readonly PlannedSite[]): PlannedSite[] {
  const rank = (s: PlannedSite): number => s.muscle?.order ?? Number.MAX_SAFE_INTEGER;
  const sideRank = (s: PlannedSite): number => ['left', 'right', 'both'].indexOf(s.side);
  const sorted = [...sites].sort(
    (a, b) => rank(a) - rank(b) || sideRank(a) - sideRank(b) || (a.code ?? '').localeCompare(b.code ?? ''),
  );
  return sorted.filter((s, i) => i === 0 || siteLabel(s) !== siteLabel(sorted[i - 1] as PlannedSite));
}

/** "Rhomboid major and minor (left), Pectoralis major and minor (right)", or "3 sites" when too long. */
export function sitesPhrase(sites: readonly PlannedSite[], room: number): string {
  const ordered = orderSites(sites);
  const names = ordered.map(siteLabel).join(', ');
  return names.length <= room ? names : `${ordered.length} ${ordered.length === 1 ? 'site' : 'sites'}`;
}

export function sidesMeet(a: Side, b: Side): boolean {
  return a === 'both' || b === 'both' || a === b;
}
