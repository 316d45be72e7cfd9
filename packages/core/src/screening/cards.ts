// Turns fired rules into CDS Hooks cards (SCREENING.md section 3): one card per finding code with
// the most severe indicator, a summary of at most 140 characters naming sites in catalogue order,
// a markdown detail naming the facts and citing each rule's sources, and the rule ids and policy
// version in the card's extension.
import { indicatorRank, type FindingCode, type Indicator } from '../catalogue/catalogue.js';
import type { CompiledCatalogue } from '../catalogue/compile-catalogue.js';
import { sourcesData } from '../catalogue/sources-data.js';
import type { PlannedSite } from './read-request.js';
import { sitesPhrase, type RuleOutcome } from './rule-outcome.js';
import type { RuleDefinition } from './rules.js';

export const SUMMARY_MAX = 140;

export interface CdsCoding {
  readonly system: string;
  readonly code: string;
  readonly display: string;
}

export interface CdsCard {
  readonly uuid: string;
  readonly summary: string;
  readonly detail: string;
  readonly indicator: Indicator;
  readonly source: { readonly label: string; readonly topic: CdsCoding };
  readonly overrideReasons?: readonly CdsCoding[];
  readonly extension: { readonly knotwork: { readonly rules: readonly string[]; readonly policyVersion: string } };
}

export interface FiredRule {
  readonly rule: RuleDefinition;
  readonly outcome: RuleOutcome;
  readonly indicator: Indicator;
}

const CONTRACT_SOURCE = 'Knotwork TPI screening contract (SCREENING.md)';

export function citeSource(id: string): string {
  if (id === 'CONTRACT') return CONTRACT_SOURCE;
  const s = Object.hasOwn(sourcesData, id) ? sourcesData[id as keyof typeof sourcesData] : undefined;
  return s ? `${id}: ${s.title}` : id;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function summarise(fired: readonly FiredRule[]): string {
  const sites: PlannedSite[] = [];
  for (const f of fired) for (const s of f.outcome.sites ?? []) if (!sites.includes(s)) sites.push(s);
  const clauses = [...new Set(fired.map((f) => f.outcome.summary).filter((s): s is string => !!s))];
  let summary = clauses[0] ?? fired[0]?.rule.description ?? '';
  if (sites.length > 0) summary += `: ${sitesPhrase(sites, SUMMARY_MAX - summary.length - 2)}`;
  const rest = clauses.slice(1);
  for (let i = 0; i < rest.length; i++) {
    const next = `${summary}; ${rest[i]}`;
    const more = rest.length - i - 1;
    if (next.length + (more > 0 ? ` (+${more} more)`.length : 0) <= SUMMARY_MAX) {
      summary = next;
      continue;
    }
    summary += ` (+${rest.length - i} more)`;
    break;
  }
  return clip(summary, SUMMARY_MAX);
}

function detailOf(c: CompiledCatalogue, code: FindingCode, fired: readonly FiredRule[], policyVersion: string): string {
  const finding = c.data.findings.find((f) => f.code === code);
  const lines = [`**${finding?.display ?? code}**`, ''];
  for (const { rule, outcome, indicator } of fired) {
    lines.push(`- **${rule.description}** (${indicator}; rule \`${rule.id}\` v${rule.version})`);
    for (const fact of outcome.facts) lines.push(`  - ${fact.text} (\`${fact.path}\`)`);
    lines.push(`  - Source: ${rule.sources.map(citeSource).join('; ')}`);
  }
  lines.push('', `Screened under policy \`${policyVersion}\`.`);
  return lines.join('\n');
}

function overrideReasonsOf(c: CompiledCatalogue): CdsCoding[] {
  const { system, codes } = c.data.overrideReasons;
  return codes.map((r) => ({ system, code: r.code, display: r.display }));
}

export function buildCard(options: {
  catalogue: CompiledCatalogue;
  finding: FindingCode;
  fired: readonly FiredRule[];
  policyVersion: string;
  uuid: (summary: string) => string;
}): CdsCard {
  const { catalogue: c, finding, policyVersion } = options;
  const indicator = options.fired.reduce<Indicator>(
    (max, f) => (indicatorRank(f.indicator) > indicatorRank(max) ? f.indicator : max),
    'info',
  );
  // The most severe rules lead the summary; rules keep their table order within a level.
  const fired = [...options.fired].sort((a, b) => indicatorRank(b.indicator) - indicatorRank(a.indicator));
  const summary = summarise(fired);
  const display = c.data.findings.find((f) => f.code === finding)?.display ?? finding;
  const source = { label: 'Knotwork TPI screening', topic: { system: c.data.systems.finding, code: finding, display } };
  const extension = { knotwork: { rules: fired.map((f) => f.rule.id), policyVersion } };
  const detail = detailOf(c, finding, fired, policyVersion);
  const uuid = options.uuid(summary);
  const card: CdsCard =
    indicator === 'critical'
      ? { uuid, summary, detail, indicator, source, overrideReasons: overrideReasonsOf(c), extension }
      : { uuid, summary, detail, indicator, source, extension };
  return card;
}
